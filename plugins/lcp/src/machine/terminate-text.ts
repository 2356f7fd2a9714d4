// The text of our LCP Terminate-Request for each close reason, as pppd words it (auth.c, lcp.c, ccp.c):
// peers log it ("LCP terminated by peer (Authentication failed)").
import type { CloseReason } from '@switchyard/core';
import type { PppRole } from '@switchyard/ppp';

export function terminateText(reason: CloseReason, role: PppRole): string {
  switch (reason.code) {
    case 'auth-failed':
      return role === 'server' ? 'Authentication failed' : 'Failed to authenticate ourselves to peer';
    case 'echo-timeout':
      return 'Peer not responding';
    case 'idle-timeout':
      return 'Link inactive';
    case 'mppe-refused':
      return 'MPPE required but peer refused';
    case 'pool-exhausted':
      return 'No IP address available';
    case 'negotiation-failed':
      return reason.detail ?? 'Negotiation failed';
    case 'admin':
      return reason.detail ?? 'User request';
    default:
      return 'User request';
  }
}
