/**
 * Small FICTIONAL case files made up for tests that need many cases: each has its own
 * defendant and prosecutor, and all share one judge, so cross-case queries have work to do.
 */
export function syntheticCaseFile(prefix: string, n: number): string {
  const id = `${prefix}-${n}`;
  const text = `In the fictional matter ${id}, Judge Synthetic Bench presided. Defendant ${id} was charged with fictional fraud. Prosecutor ${id} argued for a conviction.`;
  return `formatVersion: 1
documents:
  - id: ${id}-doc
    title: "Fictional report ${id}"
    text: ${JSON.stringify(text)}
case:
  id: ${id}-case
  caption: "Fictional matter ${id}"
  status: open
  sources: [{ quote: "In the fictional matter ${id}," }]
entities:
  - { id: ${id}-defendant, kind: Person, name: "Defendant ${id}", sources: [{ quote: "Defendant ${id} was charged" }] }
  - { id: ${id}-prosecutor, kind: Person, name: "Prosecutor ${id}", sources: [{ quote: "Prosecutor ${id} argued" }] }
charges:
  - { id: ${id}-fraud, offence: fictional fraud, defendant: ${id}-defendant, sources: [{ quote: "charged with fictional fraud" }] }
acts:
  - { id: ${id}-argued, actor: ${id}-prosecutor, action: argued for a conviction of, target: ${id}-defendant, sources: [{ quote: "Prosecutor ${id} argued for a conviction." }] }
roles:
  - { who: ${prefix}-judge, role: judge, in: ${id}-case, sources: [{ quote: "Judge Synthetic Bench presided" }] }
  - { who: ${id}-defendant, role: defendant, in: ${id}-case, sources: [{ quote: "Defendant ${id} was charged" }] }
  - { who: ${id}-prosecutor, role: prosecutor, in: ${id}-case, sources: [{ quote: "Prosecutor ${id} argued" }] }
`;
}

/** The case that defines the shared judge; load it before the others. */
export function syntheticJudgeFile(prefix: string): string {
  return `formatVersion: 1
documents:
  - { id: ${prefix}-judge-doc, title: "Fictional bench list", text: "Judge Synthetic Bench sits in the fictional court." }
case:
  id: ${prefix}-bench
  caption: "Fictional bench list"
  status: open
  sources: [{ quote: "Fictional bench list", document: ${prefix}-judge-doc }]
entities:
  - { id: ${prefix}-judge, kind: Person, name: "Judge Synthetic Bench", sources: [{ quote: "Judge Synthetic Bench" }] }
`.replace('sources: [{ quote: "Fictional bench list", document: ' + prefix + '-judge-doc }]', 'sources: [{ quote: "Judge Synthetic Bench sits" }]');
}
