// Runs switchyard-pptp: parses the command line and starts the client or the load generator. Exit
// statuses: pppd's for the client (see machine/end.ts), 0/1 for load, 2 for a usage error (pppd's
// EXIT_OPTION_ERROR).
import { loadUsage, connectUsage } from './cli-usage.js';
import { parseCli } from './cli.js';
import { runConnectCommand, type CommandIo } from './connect-command.js';
import { runLoadCommand } from './load-command.js';
import { PppdExit } from './machine/end.js';

export const version = '0.1.0';

const processIo: CommandIo = {
  writeLog: (line) => void process.stderr.write(line),
  writeOut: (line) => void process.stdout.write(line),
};

export async function run(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const parsed = parseCli(argv);
  if (!parsed.ok) {
    io.writeLog(`switchyard-pptp: ${parsed.error}\n${parsed.topic === 'load' ? loadUsage : connectUsage}`);
    return PppdExit.optionError;
  }
  const { command } = parsed;
  switch (command.kind) {
    case 'help':
      io.writeOut(command.topic === 'load' ? loadUsage : connectUsage);
      return 0;
    case 'version':
      io.writeOut(`switchyard-pptp ${version}\n`);
      return 0;
    case 'connect':
      return runConnectCommand(command.options, io);
    case 'load':
      return runLoadCommand(command.options, io);
  }
}
