/**
 * `tsx scripts/teams-icons.ts`: draws the Teams app icons into manifests/teams — color.png (192×192,
 * full colour) and outline.png (32×32, white on transparent, as Teams requires). A check mark in a
 * rounded square: "endorsed".
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type Rgba } from './teams-png';

const ACCENT: Rgba = [0x44, 0x64, 0xee, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Is (x, y), in unit coordinates, on the check mark of stroke width `w`? */
const onCheck = (x: number, y: number, w: number): boolean =>
  segmentDistance(x, y, 0.27, 0.52, 0.43, 0.68) <= w / 2 || segmentDistance(x, y, 0.43, 0.68, 0.74, 0.33) <= w / 2;

/** Inside a rounded square with corner radius `r` and margin `m` (unit coordinates)? */
function inRoundedSquare(x: number, y: number, m: number, r: number): boolean {
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

export function colorIcon(): Buffer {
  const size = 192;
  return encodePng(size, size, (px, py) => {
    const x = (px + 0.5) / size;
    const y = (py + 0.5) / size;
    if (onCheck(x, y, 0.11)) return WHITE;
    return ACCENT;
  });
}

export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, (px, py) => {
    const x = (px + 0.5) / size;
    const y = (py + 0.5) / size;
    // The outline: the square's border and the check, white; everything else transparent.
    const border = inRoundedSquare(x, y, 0.04, 0.16) && !inRoundedSquare(x, y, 0.12, 0.1);
    return border || onCheck(x, y, 0.12) ? WHITE : CLEAR;
  });
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../manifests/teams');
  writeFileSync(path.join(dir, 'color.png'), colorIcon());
  writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  console.log(`wrote ${dir}/color.png and outline.png`);
}
