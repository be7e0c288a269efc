import os from 'node:os';
import path from 'node:path';
import type * as z from 'zod';
import { describeIssues } from '../../common/contract/describe-issues.js';
import { OfficerId, OfficerName, OfficerRoles, type OfficerAccount } from '../../common/contract/officers.js';
import { Role } from '../../common/contract/roles.js';
import { OfficerStore } from '../../core/auth/officer-store.js';
import { DomainError } from '../../core/errors/domain-errors.js';
import { OfficerService, type OfficerActor } from '../../core/officers/officer-service.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { DataFolderError, openDataFolderStore } from '../data-folder.js';
import { defaultDataDir } from '../default-data-dir.js';
import { UsageError, parseCommandArgs } from '../parse-args.js';

/** Input the command cannot use: said in one line, exit 2, without the whole usage text. */
class BadInput extends Error {}

function parsed<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new BadInput(`${what}: ${describeIssues(result.error, { whole: String(value) })}`);
}

function parseRoles(text: string | undefined): Role[] {
  if (text === undefined) throw new BadInput('give the roles, e.g. guard or guard,supervisor');
  const roles = text.split(',').map((role) => role.trim());
  const unknown = roles.find((role) => !Role.safeParse(role).success);
  if (unknown !== undefined) throw new BadInput(`unknown role "${unknown}": the roles are ${Role.options.join(', ')}`);
  return parsed(OfficerRoles, 'roles', roles);
}

function officerId(text: string | undefined): string {
  if (text === undefined) throw new BadInput('give the officer id');
  return parsed(OfficerId, 'officer id', text);
}

/**
 * Whoever runs this command at the appliance's own console: the audit trail names their OS
 * account, since no officer account stands behind it.
 */
function localConsole(): OfficerActor {
  let osUser: string;
  try {
    osUser = os.userInfo().username;
  } catch {
    // A container may run under a uid with no passwd entry.
    osUser = `uid ${String(process.getuid?.() ?? 'unknown')}`;
  }
  return { kind: 'local-console', osUser };
}

function table(officers: readonly OfficerAccount[]): string {
  const header = ['ID', 'NAME', 'ROLES', 'STATE', 'PIN', 'LOCKED UNTIL', 'CREATED'];
  const rows = officers.map((officer) => [
    officer.id,
    officer.displayName,
    officer.roles.join(','),
    officer.active ? 'active' : 'inactive',
    officer.mustChangePin ? 'one-time' : 'own',
    officer.lockedUntil ?? '-',
    officer.createdAt,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

function issuedText(verb: string, officer: OfficerAccount, oneTimePin: string): string {
  return `${verb} ${officer.id} (${officer.roles.join(',')})\nOne-time PIN: ${oneTimePin}\nShown only now: the officer signs in with it and then chooses their own.\n`;
}

type Action = (service: OfficerService, actor: OfficerActor, io: CliIo) => Promise<void> | void;

function action(subcommand: string | undefined, positionals: readonly string[], values: { json?: boolean; name?: string; roles?: string }): Action {
  const [, id, extra] = positionals;
  const expectArguments = (count: number): void => {
    if (positionals.length > count + 1) throw new UsageError(`unexpected argument "${positionals[count + 1] ?? ''}"`);
  };
  switch (subcommand) {
    case 'list':
      expectArguments(0);
      return (service, _actor, io) => {
        const officers = service.list();
        io.stdout.write(values.json === true ? `${JSON.stringify(officers)}\n` : `${table(officers)}\n`);
      };
    case 'add': {
      expectArguments(1);
      if (values.name === undefined) throw new BadInput('give the name the screens show: --name "NAME"');
      const request = { id: officerId(id), displayName: parsed(OfficerName, 'name', values.name), roles: parseRoles(values.roles) };
      return async (service, actor, io) => {
        const { officer, oneTimePin } = await service.create(actor, request);
        io.stdout.write(issuedText('Created', officer, oneTimePin));
      };
    }
    case 'set-roles': {
      expectArguments(2);
      const request = { id: officerId(id), roles: parseRoles(extra) };
      return (service, actor, io) => {
        const officer = service.update(actor, request);
        io.stdout.write(`${officer.id}: ${officer.roles.join(',')}\n`);
      };
    }
    case 'disable':
    case 'enable': {
      expectArguments(1);
      const request = { id: officerId(id), active: subcommand === 'enable' };
      return (service, actor, io) => {
        const officer = service.setActive(actor, request);
        io.stdout.write(`${officer.id}: ${officer.active ? 'active' : 'inactive'}\n`);
      };
    }
    case 'reset-pin': {
      expectArguments(1);
      const request = { id: officerId(id) };
      return async (service, actor, io) => {
        const { officer, oneTimePin } = await service.resetPin(actor, request);
        io.stdout.write(issuedText('New PIN for', officer, oneTimePin));
      };
    }
    default:
      throw new UsageError(subcommand === undefined ? 'give a subcommand' : `unknown subcommand "${subcommand}"`);
  }
}

export const officersCommand: Command = {
  name: 'officers',
  usage: `Usage: sahman officers list [--json] [--data DIR]
       sahman officers add ID --name NAME --roles ROLE[,ROLE…] [--data DIR]
       sahman officers set-roles ID ROLE[,ROLE…] [--data DIR]
       sahman officers disable ID [--data DIR]
       sahman officers enable ID [--data DIR]
       sahman officers reset-pin ID [--data DIR]

Manages the officer accounts of the appliance in DIR, whether it runs or not,
as a local console with a technician's powers: the way back in when every
technician has forgotten their PIN. The roles are guard, supervisor and
technician. add and reset-pin print a one-time PIN, once; the officer changes
it at first sign-in (reset-pin also lifts a lockout). Accounts are never
deleted, only disabled, and the last active technician cannot be disabled or
lose the role. Every change is audited as made at the local console, with the
OS user who ran the command.

Exit status: 0 done; 1 refused (an unknown or taken id, the last technician,
a store that cannot be written); 2 bad input (a malformed id, name or roles,
no data folder or database).`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { data: { type: 'string' }, json: { type: 'boolean' }, name: { type: 'string' }, roles: { type: 'string' } },
      true,
    );
    const fail = (message: string, code: number): number => {
      io.stderr.write(`sahman officers: ${message}\n`);
      return code;
    };
    let act: Action;
    try {
      act = action(positionals[0], positionals, values);
    } catch (error) {
      if (error instanceof BadInput) return fail(error.message, ExitCode.usage);
      throw error;
    }
    let store;
    try {
      store = openDataFolderStore(path.resolve(values.data ?? defaultDataDir()));
    } catch (error) {
      if (error instanceof DataFolderError) return fail(error.message, error.exitCode);
      throw error;
    }
    const { db, audit } = store;
    try {
      await act(new OfficerService(db, new OfficerStore(db), audit, () => new Date()), localConsole(), io);
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof DomainError) return fail(error.message, ExitCode.failed);
      throw error;
    } finally {
      db.close();
    }
  },
};
