import { describe, expect, it } from 'vitest';
import { drawnAs, foldAbove, groupId, shorten, shownEdges, shownNodes, type EdgeIn, type NodeIn } from '../../web/explorer/grouping.js';
import { chooseLabels, overlaps } from '../../web/explorer/labels.js';
import { ringPositions } from '../../web/explorer/layout.js';
import { bySide, sideHeading, sideOf } from '../../web/explorer/sides.js';
import type { Role } from '../../web/explorer/queries.js';

/** The explorer's pure drawing rules: what is folded into groups, where nodes go, which names are written, the sides of a case. */
const node = (id: string, kind: string, label = id): NodeIn => ({ id, kind, label });

function star(counts: Record<string, number>): { nodes: NodeIn[]; edges: EdgeIn[]; hops: Map<string, number> } {
  const nodes = [node('c', 'CASE', 'The case')];
  for (const [kind, count] of Object.entries(counts)) for (let i = 0; i < count; i++) nodes.push(node(`${kind.toLowerCase()}-${i}`, kind, `${kind} number ${i}`));
  const edges = nodes.slice(1).map((n, i) => ({ id: `r${i}`, from: n.id, to: 'c', label: 'in case' }));
  return { nodes, edges, hops: new Map(nodes.map((n) => [n.id, n.id === 'c' ? 0 : 1])) };
}

describe('grouping by kind', () => {
  it('folds a kind with more members than it shows one by one into one group node with its count', () => {
    const { nodes, hops } = star({ ACT: 5, CHARGE: 4, PERSON: 12 });
    const shown = shownNodes('c', nodes, hops, new Set());
    expect(foldAbove('ACT')).toBe(4);
    expect(shown.filter((n) => n.kind === 'ACT')).toEqual([expect.objectContaining({ id: groupId('ACT'), place: 'group', count: 5, short: '5 acts' })]);
    expect(shown.filter((n) => n.kind === 'CHARGE').map((n) => n.id)).toEqual(['charge-0', 'charge-1', 'charge-2', 'charge-3']);
    // People are folded only past 12.
    expect(shown.filter((n) => n.kind === 'PERSON')).toHaveLength(12);
    expect(shown.find((n) => n.id === 'c')?.place).toBe('centre');
  });

  it('opens a group: its node stays (to fold it again) and every member is drawn, marked as its member', () => {
    const { nodes, hops } = star({ ACT: 6 });
    const shown = shownNodes('c', nodes, hops, new Set(['ACT']));
    expect(shown.find((n) => n.id === groupId('ACT'))?.place).toBe('open-group');
    expect(shown.filter((n) => n.parent === groupId('ACT'))).toHaveLength(6);
  });

  it('draws edges between what is shown: to a folded member, to its group; the same two ends once with the count; none inside a group', () => {
    const { nodes, edges, hops } = star({ ACT: 5, CHARGE: 1 });
    edges.push({ id: 'x', from: 'act-0', to: 'act-1', label: 'caused by' }, { id: 'y', from: 'charge-0', to: 'act-2', label: 'about' }, { id: 'z', from: 'charge-0', to: 'act-3', label: 'about' });
    const shown = shownNodes('c', nodes, hops, new Set());
    const lines = shownEdges(edges, drawnAs('c', nodes, shown));
    const toGroup = lines.find((l) => l.source === groupId('ACT') && l.target === 'c');
    expect(toGroup).toMatchObject({ count: 5, label: 'in case ×5' });
    expect(lines.find((l) => l.source === 'charge-0' && l.target === groupId('ACT'))).toMatchObject({ count: 2, label: 'about ×2' });
    expect(lines.some((l) => l.source === l.target)).toBe(false);
    // Opened, each member has its own edges again.
    const open = shownNodes('c', nodes, hops, new Set(['ACT']));
    const openLines = shownEdges(edges, drawnAs('c', nodes, open));
    expect(openLines.filter((l) => l.target === 'c')).toHaveLength(6);
    expect(openLines.find((l) => l.source === 'act-0')?.target).toBe('c');
  });

  it('cuts long names at a word, with an ellipsis', () => {
    expect(shorten('Mary Marlowe Sommer')).toBe('Mary Marlowe Sommer');
    expect(shorten("Alec Baldwin's involuntary manslaughter case")).toBe("Alec Baldwin's…");
    expect(shorten('Supercalifragilisticexpialidocious')).toBe('Supercalifragilistice…');
  });
});

describe('which names are written', () => {
  const box = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });
  it('writes names in order of rank, leaving out one that would overlap a written name or another node', () => {
    const chosen = chooseLabels(
      [
        { id: 'b', label: box(0, 0, 100, 10), rank: 2 },
        { id: 'a', label: box(50, 5, 150, 15), rank: 1 },
        { id: 'c', label: box(200, 0, 260, 10), rank: 3 },
        { id: 'd', label: box(300, 0, 360, 10), rank: 3 },
      ],
      [{ id: 'n', box: box(340, 0, 350, 10) }, { id: 'd', box: box(300, -20, 310, -10) }],
    );
    expect([...chosen.keys()].sort()).toEqual(['a', 'c']);
  });

  it('never writes two names that overlap, whatever the input (random boxes)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const candidates = Array.from({ length: 200 }, (_, i) => {
      const x = random() * 800;
      const y = random() * 400;
      return { id: `n${i}`, label: box(x, y, x + 20 + random() * 120, y + 12), rank: random() };
    });
    const written = chooseLabels(candidates, []);
    const chosen = candidates.filter((c) => written.has(c.id));
    expect(chosen.length).toBeGreaterThan(10);
    for (const a of chosen) for (const b of chosen) if (a !== b) expect(overlaps(a.label, b.label)).toBe(false);
  });

  it('writes the centre’s name over a node, but never over another name', () => {
    const chosen = chooseLabels([{ id: 'c', label: box(0, 0, 100, 10), rank: 0, always: true }, { id: 'x', label: box(90, 0, 150, 10), rank: 1 }], [{ id: 'y', box: box(10, 0, 20, 10) }]);
    expect([...chosen.keys()]).toEqual(['c']);
  });

  it('puts a name above its node when below it would overlap, and says which place it took', () => {
    const under = box(0, 20, 60, 30);
    const above = box(0, -20, 60, -10);
    const chosen = chooseLabels(
      [
        { id: 'first', label: box(0, 22, 60, 32), rank: 0 },
        { id: 'second', label: under, elsewhere: [above], rank: 1 },
        { id: 'third', label: under, elsewhere: [above], rank: 2 },
      ],
      [],
    );
    expect([...chosen]).toEqual([['first', 0], ['second', 1]]);
  });
});

describe('where nodes go', () => {
  it('puts the centre in the middle and direct neighbours on an ellipse inside the area, each kind together, people first', () => {
    const { nodes, hops } = star({ PERSON: 3, ACT: 2, CHARGE: 1 });
    const shown = shownNodes('c', nodes, hops, new Set());
    const at = ringPositions(shown, 800, 400, 60);
    expect(at.get('c')).toEqual({ x: 0, y: 0 });
    for (const n of shown) {
      const p = at.get(n.id)!;
      expect(Math.abs(p.x)).toBeLessThanOrEqual(400 - 60);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(200 - 60 + 1e-9);
    }
    // The first on the ring (the top) is a person; kinds are contiguous going round.
    const ring = shown.filter((n) => n.id !== 'c').sort((a, b) => angle(at.get(a.id)!) - angle(at.get(b.id)!));
    expect(ring[0]!.kind).toBe('PERSON');
    const kinds = ring.map((n) => n.kind).filter((k, i, all) => k !== all[i - 1]);
    expect(new Set(kinds).size).toBe(kinds.length);
    // The same neighbourhood is always drawn the same way.
    expect(ringPositions(shown, 800, 400, 60)).toEqual(at);
  });

  it('puts nodes two steps away on an outer ring', () => {
    const shown = shownNodes('c', [node('c', 'CASE'), node('p', 'PERSON'), node('q', 'PERSON')], new Map([['c', 0], ['p', 1], ['q', 2]]), new Set());
    const at = ringPositions(shown, 800, 400, 60);
    expect(Math.hypot(at.get('q')!.x, at.get('q')!.y)).toBeGreaterThan(Math.hypot(at.get('p')!.x, at.get('p')!.y));
  });
});
const angle = (p: { x: number; y: number }) => (Math.atan2(p.y, p.x) + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI);

describe('the sides of a case', () => {
  const role = (r: string, name: string): Role => ({ id: `${r}-${name}`, role: r, sentence: '', holder: { id: name, name, kind: 'PERSON' }, sources: { edges: [] } });
  it('puts each role on its side, whatever its spelling, the sides in the order a reader meets them', () => {
    expect(sideOf('district_attorney')).toBe('Prosecution');
    expect(sideOf('Defense counsel')).toBe('Defence');
    expect(sideOf('defence_counsel')).toBe('Defence');
    expect(sideOf('injured_party')).toBe('Victims');
    expect(sideOf('armorer')).toBe('Armorer');
    const sides = bySide([role('witness', 'w'), role('prosecutor', 'p'), role('armorer', 'a'), role('defendant', 'd'), role('judge', 'j'), role('district_attorney', 'da')]);
    expect(sides.map(([side, roles]) => [side, roles.map((r) => r.holder!.name)])).toEqual([
      ['Defendants', ['d']],
      ['Judges', ['j']],
      ['Prosecution', ['p', 'da']],
      ['Witnesses', ['w']],
      ['Armorer', ['a']],
    ]);
    expect(sideHeading('Witnesses', 1)).toBe('Witness');
    expect(sideHeading('Defendants', 2)).toBe('Defendants');
    expect(sideHeading('Actress', 1)).toBe('Actress');
  });
});
