/** What GraphiQL shows first: who did what in the Baldwin case, each act with its quote. */
export const DEFAULT_QUERY = `# Who did what in Alec Baldwin's involuntary manslaughter case.
# Every act points at the passage of the article that supports it.
# Every list is a connection: page it with first/after, count it with totalCount.
# Press the ▶ button to run it; open the Docs pane (top left) to explore the schema.
query WhoDidWhat {
  whoDidWhat(caseId: "baldwin-involuntary-manslaughter-case", first: 10) {
    totalCount
    edges {
      node {
        actor { name kind }
        action
        target { name }
        object { name }
        time { text precision iso }
        place { name }
        sources { edges { node { quote start end document { id title } } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
