import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { schemaDir } from '../../shared/paths.js';
import type { ParsedFile } from './parse.js';
import type { Problem } from './problems.js';
import { pathToString } from './problems.js';

const schema = JSON.parse(readFileSync(path.join(schemaDir, 'case-file.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
const validate = ajv.compile(schema);

const ID_HINT = 'use lower-case letters, digits and single hyphens, e.g. alec-baldwin';

/** Checks the file against the published JSON Schema; one problem per schema error. */
export function checkStructure(parsed: ParsedFile): Problem[] {
  if (validate(parsed.data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !(e.keyword === 'if'));
  return errors.map((error) => toProblem(parsed, error));
}

function toProblem(parsed: ParsedFile, error: ErrorObject): Problem {
  const fieldPath: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const { message, hint, at } = describe(error, fieldPath);
  const pos = parsed.position(at);
  return { file: parsed.file, line: pos.line, column: pos.column, path: pathToString(at), message, hint };
}

function describe(error: ErrorObject, at: (string | number)[]): { message: string; hint: string; at: (string | number)[] } {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as { properties?: Record<string, { description?: string }> };
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      return { at: [...at, field], message: `unknown field "${field}"`, hint: `remove it or use one of: ${allowed.join(', ')}` };
    }
    case 'required': {
      const field = String(params.missingProperty);
      const about = parent.properties?.[field]?.description;
      return { at, message: `missing required field "${field}"`, hint: about ? `add ${field}: ${about}` : `add ${field}` };
    }
    case 'type':
      return { at, message: `must be ${article(String(params.type))} ${params.type}, not ${typeName(error.data)}`, hint: `write ${article(String(params.type))} ${params.type} here` };
    case 'pattern':
      if (String(params.pattern).startsWith('^[a-z0-9]')) {
        return { at, message: `"${String(error.data)}" is not a valid id`, hint: ID_HINT };
      }
      if (String(params.pattern).startsWith('^[a-z]+')) {
        return { at, message: `"${String(error.data)}" is not a valid role name`, hint: 'use lower_snake_case, e.g. defence_counsel' };
      }
      if (String(params.pattern).startsWith('^[A-Z]')) {
        return { at, message: `"${String(error.data)}" is not a valid relation type`, hint: 'use UPPER_SNAKE_CASE, e.g. FRIEND_OF' };
      }
      return { at, message: `"${String(error.data)}" is not a date`, hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' };
    case 'enum':
      return { at, message: `"${String(error.data)}" is not allowed here`, hint: `use one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { at, message: `must be ${JSON.stringify(params.allowedValue)}`, hint: `write ${JSON.stringify(params.allowedValue)}` };
    case 'minItems':
      return { at, message: `needs at least ${params.limit} item${params.limit === 1 ? '' : 's'}`, hint: at.at(-1) === 'sources' ? 'cite the passage that supports this fact: - quote: "…"' : 'add an item' };
    default:
      return { at, message: error.message ?? 'is not valid', hint: 'see docs/case-file-format.md' };
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
