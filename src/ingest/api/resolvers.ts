import { GraphQLError } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { requireWriteToken } from '../../shared/auth.js';
import { notFound } from '../../shared/errors.js';
import type { ChangeCounts } from '../write/diff.js';
import { CaseConflictError, CaseNotFoundError, deleteCase, importPlan, type ImportReport } from '../write/import.js';
import { ContributionConflictError } from '../write/write.js';
import { exportCase, type CaseFileFormat } from '../export/export.js';
import { graphLookup } from '../pipeline/load.js';
import { prepareInput } from '../pipeline/prepare.js';
import { formatProblems } from '../casefile/problems.js';

const byKind = (table: Record<string, ChangeCounts>) =>
  Object.entries(table)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, changes]) => ({ kind, changes }));

const toGraphQL = (report: ImportReport) => ({ ...report, nodes: byKind(report.nodes), relationships: byKind(report.relationships) });

interface ImportArgs {
  file: string;
  format: 'YAML' | 'JSON';
  dryRun: boolean;
  replace: boolean;
}

export const ingestResolvers = {
  Mutation: {
    importCase: async (_: unknown, args: ImportArgs, ctx: Context) => {
      requireWriteToken(ctx.request, ctx.writeToken);
      const file = `case-file.${args.format === 'JSON' ? 'json' : 'yaml'}`;
      // JSON may also be a CourtListener docket or a CAP case, told by its shape.
      const prepared = await prepareInput({ file, text: args.file, ...(args.format === 'JSON' ? {} : { format: 'case-file' as const }) }, {
        readDocument: async () => {
          throw new Error('the server reads no files: give the document inline with text:');
        },
        lookupIds: graphLookup(ctx.executor),
      });
      if (prepared.empty !== undefined) throw new GraphQLError(`The file is ${prepared.empty}.`, { extensions: { code: 'BAD_USER_INPUT', argument: 'file' } });
      if (prepared.problems) {
        throw new GraphQLError(formatProblems(prepared.problems), { extensions: { code: 'BAD_USER_INPUT', problems: prepared.problems } });
      }
      try {
        return toGraphQL(await importPlan(ctx.executor, prepared.plan, file, { dryRun: args.dryRun, replace: args.replace }));
      } catch (error) {
        if (error instanceof CaseConflictError) {
          throw new GraphQLError(error.message, { extensions: { code: 'CONFLICT', report: toGraphQL(error.report) } });
        }
        if (error instanceof ContributionConflictError) {
          throw new GraphQLError(error.message, { extensions: { code: 'CONFLICT', entity: error.nodeId, otherCase: error.otherCase, fields: error.fields } });
        }
        throw error;
      }
    },
    deleteCase: async (_: unknown, args: { id: string }, ctx: Context) => {
      requireWriteToken(ctx.request, ctx.writeToken);
      try {
        return { caseId: args.id, ...(await deleteCase(ctx.executor, args.id)) };
      } catch (error) {
        if (error instanceof CaseNotFoundError) throw notFound('case', args.id);
        throw error;
      }
    },
  },
  Query: {
    exportCase: async (_: unknown, args: { id: string; format: CaseFileFormat }, ctx: Context) => {
      try {
        return await exportCase(ctx.executor, args.id, args.format);
      } catch (error) {
        if (error instanceof CaseNotFoundError) throw notFound('case', args.id);
        throw error;
      }
    },
  },
};
