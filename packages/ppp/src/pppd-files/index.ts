// @switchyard/ppp/pppd-files: reading the files pppd 2.4.9 reads (options files, chap-secrets) the way
// pppd reads them. Pure: text in, results out; the callers read the files.
export { getWords, maxWordLength, unterminatedQuoteReason, type Word, type WordWarning } from './getword.js';
