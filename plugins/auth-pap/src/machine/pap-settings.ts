// What pppd lets an administrator tune for PAP (upap.h defaults), in milliseconds and counts.

export interface PapSettings {
  /** pppd pap-restart (3 s): the peer's Authenticate-Request retransmission interval. */
  readonly restartMs: number;
  /** pppd pap-max-authreq (10): Authenticate-Requests the peer sends before giving up. */
  readonly maxAuthReq: number;
  /** pppd pap-timeout (30 s): how long the authenticator waits for a Request; 0 = no limit. */
  readonly timeoutMs: number;
}

export const PAP_DEFAULTS: PapSettings = Object.freeze({
  restartMs: 3000,
  maxAuthReq: 10,
  timeoutMs: 30_000,
});

/** pppd's reply texts (auth.c check_passwd). */
export const PAP_MESSAGES = Object.freeze({ ok: 'Login ok', incorrect: 'Login incorrect' });
