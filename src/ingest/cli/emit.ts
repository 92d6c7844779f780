import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFile } from '../casefile/case-file.js';
import { formatCaseFile } from '../export/export.js';

/**
 * Writes the case file an imported record became (--emit DIR) as `<case id>.<contribution>.case.yaml`, so a
 * researcher can review, correct and keep it. The record stays inline as the document's text,
 * so the file loads on its own and gives the same graph as the record.
 */
export async function emitCaseFile(dir: string, caseFile: CaseFile): Promise<string> {
  await mkdir(dir, { recursive: true });
  // Several records of one case (reports of one docket) are each a contribution of their own.
  const file = path.join(dir, `${caseFile.case.id}${caseFile.contribution ? `.${caseFile.contribution}` : ''}.case.yaml`);
  await writeFile(file, formatCaseFile(caseFile, 'YAML'));
  return file;
}
