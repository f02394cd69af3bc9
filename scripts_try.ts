import { forOfflineModels } from '../../work/main/triage/english.js';
for (const t of process.argv.slice(2)) console.log(forOfflineModels(t));
