/**
 * Which names the drawing writes, so that no two written names overlap and no name covers
 * another node: pure geometry, no DOM. Names are taken in order of importance (the centre,
 * then groups, then people, then the rest, nearer first); a name is written when its box
 * touches no name already written and no other node. The others stay unwritten until the
 * reader zooms in (boxes grow apart) or points at the node.
 */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface LabelCandidate {
  id: string;
  /** The name's box on screen. */
  label: Box;
  /** Lower first. */
  rank: number;
  /** Written whatever node it covers (the centre's own name), though never over another name. */
  always?: boolean;
}
export interface Obstacle {
  id: string;
  box: Box;
}

/** Boxes that share more than a hair (`gap` pixels of air are asked between names). */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

export const isEmpty = (box: Box): boolean => !(box.x2 > box.x1 && box.y2 > box.y1);

/** The ids whose names are written. */
export function chooseLabels(candidates: readonly LabelCandidate[], bodies: readonly Obstacle[], gap = 2): Set<string> {
  const written: Box[] = [];
  const chosen = new Set<string>();
  for (const candidate of [...candidates].sort((a, b) => a.rank - b.rank)) {
    if (isEmpty(candidate.label)) continue;
    const clear =
      written.every((box) => !overlaps(box, candidate.label, gap)) &&
      (candidate.always || bodies.every((body) => body.id === candidate.id || !overlaps(body.box, candidate.label)));
    if (!clear) continue;
    written.push(candidate.label);
    chosen.add(candidate.id);
  }
  return chosen;
}
