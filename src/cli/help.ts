import { version } from '../../package.json';

const EXIT_CODES = 'Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or I/O error.\n';

export const GENERAL_HELP = `sapready ${version}: checks SAP landscape files against SAP's support-backbone rules.

Usage:
  sapready check [paths...]   check files and folders (folders: every *.landscape.yaml / *.landscape.yml below)
  sapready rules              list the rules with their SAP Notes
  sapready init [file]        write a commented starter landscape (default: main.landscape.yaml)
  sapready verify [paths...] --system SID   compare a declared system with the live system (RFC or HTTPS)
  sapready verify [paths...] --all          compare every declared system that has connection data
  sapready import [paths...] --system SID   print a landscape fragment (components, destinations) read from the live system
  sapready import --sap-logon FILE... [--output FILE] [--force] [--into FILE]
                              a landscape from SAP Logon's SAPUILandscape.xml (includes followed) or saplogon.ini
  sapready export --sap-logon [paths...] --output FILE [--force]
                              the declared systems as a SAPUILandscape.xml for SAP Logon

  sapready <command> --help   the options of a command
  sapready --version          the version

${EXIT_CODES}`;

const CHECK_HELP = `Usage: sapready check [paths...] [options]

Checks landscape files and folders (folders: every *.landscape.yaml / *.landscape.yml below; default: .).

Output:
  --format <name>        text (default), json, sarif, junit, markdown, html (readiness reports),
                         gitlab (GitLab Code Quality), checkstyle (Jenkins Warnings NG and others),
                         github (GitHub Actions annotations)
  --output <file>        write the report to a file instead of standard output
  --quiet                report errors only
  --color / --no-color   force or suppress colours in text output
  --max-warnings <n>     exit 1 when there are more than n warnings

Rules and options:
  --rule <id>            run only this rule (repeatable); it runs even when the options file turns it off
  --config <file>        options file (default: .sapready.yaml in this folder or above)
  --now <YYYY-MM-DD>     the day time-dependent rules take as today (default: today, UTC)

Fixes:
  --fix                  apply every safe fix to the files (the editor's "Fix all"), then report what remains
  --fix-dry-run          print the changes --fix would make as a unified diff; write no landscape file

Bulk suppressions (sapready-suppressions.json beside the options file):
  --suppress-all         record today's errors and warnings per file and rule; later runs report only
                         a file's findings of a rule when there are more than recorded
  --suppress-rule <id>   record them for this rule only (repeatable)
  --prune-suppressions   drop recorded counts that no longer occur
  --suppressions-location <file>   the suppressions file to read and write

${EXIT_CODES}`;

const RULES_HELP = `Usage: sapready rules [--format text|json|markdown]

Lists the rules with their default severity, whether they have a fix, and their SAP Notes.
`;

const INIT_HELP = `Usage: sapready init [file] [--force] [--now YYYY-MM-DD]

Writes a commented starter landscape (default: main.landscape.yaml).
  --force                overwrite the file if it exists
  --now <YYYY-MM-DD>     the day its dates start from
`;

const CONNECTION_HELP = `  --system <SID>         the declared system to log on to (host/instance or messageServer/logonGroup, client)
  --user <user>          user (default: $SAPREADY_RFC_USER); password from $SAPREADY_RFC_PASSWORD_<SID>,
                         $SAPREADY_RFC_PASSWORD or a hidden prompt
  --no-saprouter         connect directly, not through the system's access route (accessRoute; v1: saprouter)
  --language <XX>        logon language (default EN)
  --config <file>, --now <YYYY-MM-DD>   as for check
`;

const VERIFY_HELP = `Usage: sapready verify [paths...] --system SID | --all [options]

Compares systems declared in the landscape files with the live systems (see docs/live-verification.md).
${CONNECTION_HELP}  --all                  every declared system with connection data, --concurrency <n> at a time
                         (default 4), each within --timeout <seconds> (default 120); a summary table
                         goes to standard error
  --source <rfc|https|auto>  RFC (node-rfc and SAP's NW RFC SDK), HTTPS (ADT, at adtUrl or
                         https://host:443<instance>), or auto (default): RFC when it loads, else HTTPS
  --ca-file <file>       over HTTPS: also trust these PEM certificates (the company's CA bundle)
  --format <text|json|sarif|junit|markdown|gitlab|checkstyle|github>, --output <file>,
  --max-warnings <n>, --color / --no-color   as for check

${EXIT_CODES}`;

const IMPORT_HELP = `Usage: sapready import [paths...] --system SID [options]
       sapready import --sap-logon FILE... [--output FILE] [--force] [--into FILE]

With --system: prints a landscape fragment (components, destinations) read from the live system
over RFC (needs SAP's NW RFC SDK and node-rfc; see docs/live-verification.md).
${CONNECTION_HELP}  --output <file>        write the fragment to a file
  --force                overwrite that file if it exists

With --sap-logon: a landscape from SAP Logon's SAPUILandscape.xml, a global landscape file or
saplogon.ini (several files are one landscape; local includes are followed; see docs/import-export.md).
  --output <file>        write the landscape to a file (default: standard output)
  --force                overwrite that file if it exists
  --into <file>          add the systems that are new to this landscape file, keeping its comments,
                         and list the systems whose connection data differ
`;

const EXPORT_HELP = `Usage: sapready export --sap-logon [paths...] --output FILE [--force]

Writes the declared systems as a SAPUILandscape.xml that SAP Logon can use as a central landscape
file (see docs/import-export.md). --force overwrites an existing file.
`;

const COMMAND_HELP: Readonly<Record<string, string>> = { check: CHECK_HELP, rules: RULES_HELP, init: INIT_HELP, verify: VERIFY_HELP, import: IMPORT_HELP, export: EXPORT_HELP };

/** The help of a command, when the arguments ask for it (`--help` or `-h` before a `--`). */
export function requestedHelp(command: string, args: readonly string[]): string | undefined {
  const ownArgs = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (!ownArgs.includes('--help') && !ownArgs.includes('-h')) return undefined;
  return commandHelp(command);
}

/** The help of a command by its name (`sapready help check`), or undefined for another word. */
export function commandHelp(command: string | undefined): string | undefined {
  return command !== undefined && Object.hasOwn(COMMAND_HELP, command) ? COMMAND_HELP[command] : undefined;
}
