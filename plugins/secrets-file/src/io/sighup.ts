// SIGHUP: the signal pppd and pptpd administrators send to make a daemon re-read its files.

/** Calls `handler` on every SIGHUP until the returned function is called. */
export function onSighup(handler: () => void): () => void {
  process.on('SIGHUP', handler);
  return () => {
    process.off('SIGHUP', handler);
  };
}
