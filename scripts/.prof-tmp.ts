import { readFileSync } from 'node:fs';
import { summarizeProfile, type CpuProfile } from '/work/wt/speed/scripts/bench/cpu-profile';
const [file, fromArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as CpuProfile;
// window: from the given microsecond offset after start (skip start-up and warm-up)
const from = fromArg ? Number(fromArg) : -Infinity;
const s = summarizeProfile(profile, from);
console.log('busy ms', s.busyMs.toFixed(0), 'idle ms', s.idleMs.toFixed(0));
for (const f of s.files.slice(0, 25)) console.log('FILE', f.ms.toFixed(0).padStart(6), (f.share * 100).toFixed(1).padStart(5) + '%', f.file);
for (const f of s.functions.slice(0, 40)) console.log('FN  ', f.ms.toFixed(0).padStart(6), (f.share * 100).toFixed(1).padStart(5) + '%', f.name, f.file);
