/**
 * What GraphiQL shows first: the Baldwin case told in one answer, the charge, the shooting,
 * the withheld rounds, the ruling and its reason, and the civil suits still pending, each act
 * with the passage that supports it. Lines stay under 56 characters, the width of GraphiQL's
 * editor in a 1,400-pixel window.
 */
export const DEFAULT_QUERY = `# Alec Baldwin's case over the shooting on the
# set of Rust: the charge, what happened, the
# ruling and its reason, the suits still pending.
# Each act quotes the passage that supports it.
# Press ▶ to run it. The Docs pane (top left)
# explains every field; /explore draws the graph.
query BaldwinStory {
  case(id: "baldwin-involuntary-manslaughter-case") {
    caption
    charges { edges { node { name } } }
    caseActs(first: 10) {
      edges { node {
        name
        sources(first: 1) { edges { node { quote } } }
      } }
    }
    rulings { edges { node {
      judge { name }
      disposition
      dispositionKind
      words
    } } }
  }
  civil: case(id: "civil-lawsuits") { caption status }
}
`;
