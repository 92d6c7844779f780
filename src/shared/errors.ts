import { GraphQLError } from 'graphql';

/** Expected failures carry a code clients can act on; anything else is masked by the server. */
export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`No ${what} with id "${id}".`, { extensions: { code: 'NOT_FOUND', id } });
}

export function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
