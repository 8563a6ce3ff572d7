import type { ResumeLine } from './text-lines';
import { headingKind } from './vocabulary';

export type SectionKind = 'summary' | 'education' | 'experience' | 'volunteer' | 'other';

export interface Section {
  kind: SectionKind;
  heading: string;
  lines: ResumeLine[];
}

export interface SectionedResume {
  /** Lines before the first heading: name, contacts, tagline. */
  header: ResumeLine[];
  sections: Section[];
}

const KNOWN: Array<[SectionKind, RegExp]> = [
  ['volunteer', /^(?:volunteering|volunteer (?:experience|work|activities)|志愿(?:者)?(?:经历|服务))$/],
  ['education', /^(?:education(?:al)?|academic|academics|schooling|qualifications?)\b|^(?:教育|学历)/],
  [
    'experience',
    /^(?:(?:work|professional|relevant|employment|career|industry|job|internship|working)\s*)*(?:experiences?|history|employment|internships?)(?:\s*(?:and|&)\s*(?:leadership|internships?|projects?|activities))?$|^work$|^(?:工作|实习|任职)\s*(?:\S*\s*)?(?:经历|经验)$|^实习$/,
  ],
  [
    'summary',
    /^(?:(?:professional|career|executive|personal|profile)\s*)?(?:summary|profile|objective|overview|statement)$|^about(?: me)?$|^objective|简介|自我评价|个人总结|求职意向/,
  ],
];

// Headings that end the sections above without being read themselves.
const OTHER =
  /^(?:(?:technical|core|key|relevant|selected|other|personal|academic|additional|side|research|open source|honors? (?:and|&)?)\s*)*(?:skills?|projects?|awards?|honou?rs?|publications?|certifications?|certificates?|licenses?|languages?|interests?|hobbies|references?|activities|leadership|coursework|courses|research|involvement|achievements?|accomplishments?|links|contact|patents?|talks|presentations|miscellaneous|extracurricular|affiliations|memberships|volunteering|training|portfolio)(?:\s*(?:and|&)\s*\w+)?$|^on campus involvement$|^(?:\S*\s*)?(?:技能|项目|获奖|奖项|其他|证书|语言|兴趣|荣誉|论文|发表)\S*$/;

const MAX_HEADING_WORDS = 5;

function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\s&/]/gu, ' ')
    .replace(/[/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section a heading line opens, or null when the line is not a known heading. */
export function classifyHeading(text: string): SectionKind | null {
  // A list item is content, whatever words it holds.
  if (text.includes('\t') || /^[•◦▪‣●○■□◆◇➢➤✓✔►▸*·␣❖⁃∙]/u.test(text) || /^[^\p{L}\p{N}\s]\s/u.test(text) || /;$/.test(text)) return null;
  // "Manager: Jane" or "实习 经理: 高富帅" is an entry line, never a heading.
  if (/\S\s*[:：]\s*\S/.test(text) || /[,，]/.test(text)) return null;
  const key = headingKey(text);
  if (key.length === 0 || key.split(' ').length > MAX_HEADING_WORDS) return null;
  const listed = headingKind(text);
  if (listed) return listed;
  for (const [kind, re] of KNOWN) if (re.test(key)) return kind;
  return OTHER.test(key) ? 'other' : null;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/**
 * Splits lines into sections. Headings are known by a dictionary first; then the style the
 * dictionary headings share (a larger font, or all capitals at body size) finds the rest
 * ("Links", "Invited Talks") so their content does not leak into the previous section.
 */
export function splitSections(input: ResumeLine[]): SectionedResume {
  // A section label in a left gutter shares its row with the section's first line
  // ("Experience ⇥ Acme Inc. ⇥ 2019 – Present"): the label becomes a heading line of its own.
  const lines = input.flatMap((l) => {
    const [first, ...rest] = l.text.split('\t');
    if (rest.length === 0 || !first || classifyHeading(first.trim()) === null) return [l];
    return [
      { ...l, text: first.trim() },
      { ...l, text: rest.join('\t') },
    ];
  });
  const known = lines.map((l) => classifyHeading(l.text));
  const headingLines = lines.filter((_, i) => known[i] != null);
  const bodyFont = mostCommon(lines.flatMap((l) => (l.fontSize ? [l.fontSize] : [])));
  const headingFont = mostCommon(headingLines.flatMap((l) => (l.fontSize ? [l.fontSize] : [])));
  const byFont = bodyFont != null && headingFont != null && headingFont > bodyFont + 0.5;
  const byCaps = !byFont && headingLines.length > 0 && headingLines.every((l) => isAllCaps(l.text));

  // A listed word in a smaller type than the section headings is a subsection inside one
  // ("Miscellaneous" under Experience), not the end of it.
  const subsection = (l: ResumeLine): boolean =>
    byFont && l.fontSize != null && headingFont != null && l.fontSize < headingFont - 0.5 && l.fontSize > (bodyFont ?? 0);
  const isStyledHeading = (l: ResumeLine): boolean => {
    if (l.text.includes('\t') || /\d/.test(l.text) || /^[•◦▪‣●○■□◆➢✓*-]/.test(l.text)) return false;
    const words = l.text.split(/\s+/).length;
    if (words > 4 || /[,.;:]$/.test(l.text)) return false;
    if (byFont) return l.fontSize != null && headingFont != null && Math.abs(l.fontSize - headingFont) < 0.3;
    return byCaps && isAllCaps(l.text);
  };

  const result: SectionedResume = { header: [], sections: [] };
  let current: Section | null = null;
  lines.forEach((line, i) => {
    const listed = known[i] != null && !(known[i] === 'other' && subsection(line)) ? known[i] : null;
    const kind = listed ?? (isStyledHeading(line) ? 'other' : null);
    if (kind != null) {
      current = { kind, heading: line.text, lines: [] };
      result.sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      result.header.push(line);
    }
  });
  return result;
}
