/** The nodes of a Relay connection as returned by the API, in order. */
export function nodes<T = any>(connection: { edges: { node: T }[] }): T[] {
  return connection.edges.map((edge) => edge.node);
}
