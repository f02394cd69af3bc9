/**
 * The layer rule of docs/ARCHITECTURE.md (and DESIGN.md "Layers"): dependencies point down.
 *
 *   app/                                composition root; only entry points import it
 *   bot/ console/ workers/ (terminal)   adapters
 *   conversation/                       channel-free conversations
 *   cases/ triage/ knowledge/           the domain
 *   directory/ i18n/ db/                below the domain
 *   kernel/                             imports nothing of the project
 *
 * `npm run lint:deps` runs it; tests/unit/layers.test.ts proves it fails on a wrong-way import.
 * Paths are relative to the folder depcruise runs in (the project root, or a test's fixture tree).
 */
const LAYERED = '^(kernel|i18n|directory|db|cases|triage|knowledge|conversation|bot|console|workers|app)/';
const DOMAIN = '^(cases|triage|knowledge)/';
// Programs a person or a process manager starts: they may build the app (read the config, call main).
const ENTRY_POINTS = '^(app/|bot/terminal\\.ts$|console/cli\\.ts$|triage/cli/|knowledge/cli/|triage/learner/(bench|cvCli)\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-nothing',
      comment: 'kernel/ (errors, clock, logger, paths, language, taxonomy) imports nothing of the project.',
      severity: 'error',
      from: { path: '^kernel/' },
      to: { path: LAYERED, pathNot: '^kernel/' },
    },
    {
      name: 'foundation-only-kernel',
      comment: 'i18n/, directory/ and db/ import kernel/ only (and themselves).',
      severity: 'error',
      from: { path: '^(i18n|directory|db)/' },
      to: { path: LAYERED, pathNot: ['^kernel/', '^$1/'] },
    },
    {
      name: 'domain-below-conversation',
      comment: 'The domain (cases/, triage/, knowledge/) imports kernel/, directory/, db/ and its own folder only (app/: see below).',
      severity: 'error',
      from: { path: `${DOMAIN}`, pathNot: ENTRY_POINTS },
      to: { path: LAYERED, pathNot: ['^(kernel|directory|db|app)/', '^$1/'] },
    },
    {
      name: 'conversation-channel-free',
      comment: 'conversation/ knows no channel: no bot/, console/ or workers/ (app/: see below).',
      severity: 'error',
      from: { path: '^conversation/' },
      to: { path: '^(bot|console|workers)/' },
    },
    {
      name: 'app-only-from-entry-points',
      comment: 'app/ is the composition root: only entry points import it (adapters and the domain receive what they need).',
      severity: 'error',
      from: { path: LAYERED, pathNot: ENTRY_POINTS },
      to: { path: '^app/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle has no "down".',
      severity: 'error',
      from: { path: LAYERED },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: LAYERED,
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
