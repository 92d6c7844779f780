/**
 * Which names the drawing writes, so that no two written names overlap and no name covers
 * another node: pure geometry, no DOM. Names are taken in order of importance (the centre,
 * then groups, then people, then the rest, nearer first); a name is written in the first of
 * its places (under its node, else above it) where its box touches no name already written
 * and no other node. The others stay unwritten until the reader zooms in (boxes grow apart)
 * or points at the node.
 */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface LabelCandidate {
  id: string;
  /** The name's box on screen, in its first place. */
  label: Box;
  /** Other places it may go, in order of preference. */
  elsewhere?: Box[];
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

/** The ids whose names are written, each with the index of its place (0: `label`, 1: the first of `elsewhere`…). */
export function chooseLabels(candidates: readonly LabelCandidate[], bodies: readonly Obstacle[], gap = 2): Map<string, number> {
  const written: Box[] = [];
  const chosen = new Map<string, number>();
  for (const candidate of [...candidates].sort((a, b) => a.rank - b.rank)) {
    const places = [candidate.label, ...(candidate.elsewhere ?? [])];
    const place = places.findIndex(
      (box) =>
        !isEmpty(box) &&
        written.every((other) => !overlaps(other, box, gap)) &&
        (candidate.always || bodies.every((body) => body.id === candidate.id || !overlaps(body.box, box))),
    );
    if (place < 0) continue;
    written.push(places[place]!);
    chosen.set(candidate.id, place);
  }
  return chosen;
}
