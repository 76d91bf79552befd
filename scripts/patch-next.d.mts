export function patchSizeCheck(text: string): { text: string; changed: number };
export function sizeCheckState(text: string): 'unpatched' | 'patched' | 'absent';
export function nextFilesWithSizeCheck(nextDir: string): string[];
export function findNextDir(from: string): string;
