import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NameLists {
  readonly enFirst: readonly string[];
  readonly enLast: readonly string[];
  readonly koSurnames: readonly string[];
  readonly koGiven: readonly string[];
  readonly esFirst: readonly string[];
  readonly esLast: readonly string[];
}

// Used when the package's data/names lists are missing (e.g. a trimmed install).
const BUILTIN: NameLists = {
  enFirst: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Linda', 'David', 'Barbara', 'Daniel', 'Susan', 'Paul', 'Karen',
    'Mark', 'Nancy', 'Steven', 'Lisa', 'Andrew', 'Sandra', 'Kevin', 'Ashley', 'Brian', 'Emily', 'George', 'Donna', 'Edward',
    'Carol', 'Ronald', 'Amanda', 'Timothy', 'Melissa', 'Jason', 'Deborah', 'Ryan', 'Laura', 'Jacob', 'Rebecca', 'Gary', 'Sharon',
    'Nicholas', 'Cynthia', 'Eric', 'Kathleen', 'Jonathan', 'Amy', 'Stephen', 'Angela', 'Larry', 'Helen', 'Justin', 'Anna'],
  enLast: ['Anderson', 'Baker', 'Campbell', 'Carter', 'Collins', 'Cooper', 'Edwards', 'Evans', 'Fisher', 'Foster', 'Gray',
    'Hayes', 'Howard', 'Hughes', 'Jenkins', 'Kelly', 'Lawson', 'Marshall', 'Mitchell', 'Morgan', 'Murphy', 'Nelson', 'Parker',
    'Perry', 'Phillips', 'Powell', 'Reed', 'Richardson', 'Roberts', 'Russell', 'Sanders', 'Stewart', 'Sullivan', 'Thompson',
    'Turner', 'Walsh', 'Ward', 'Watson', 'Webb', 'Wheeler', 'Bennett', 'Brooks', 'Bryant', 'Coleman', 'Ellis', 'Ford', 'Graham'],
  koSurnames: ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'],
  koGiven: ['민준', '서연', '도윤', '서윤', '시우', '지우', '하준', '하은', '주원', '지유', '예준', '수아', '지호', '지아', '준서',
    '채원', '현우', '다은', '건우', '예린', '우진', '소율', '선우', '윤서', '연우', '지민', '정우', '민서', '승현', '유진'],
  esFirst: ['José', 'María', 'Antonio', 'Carmen', 'Manuel', 'Lucía', 'Javier', 'Elena', 'Miguel', 'Isabel', 'Pablo', 'Marta',
    'Alejandro', 'Laura', 'Sergio', 'Ana', 'Diego', 'Paula', 'Andrés', 'Rocío'],
  esLast: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez',
    'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Torres'],
};

let cached: NameLists | undefined;

/** The shipped name lists (data/names/, found by walking up from this module), else a built-in set. */
export function nameLists(): NameLists {
  cached ??= load() ?? BUILTIN;
  return cached;
}

function load(): NameLists | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const base = join(dir, 'data', 'names');
    if (existsSync(join(base, 'en-first.txt'))) {
      try {
        const read = (f: string, min: number): string[] => {
          const list = readFileSync(join(base, f), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
          if (list.length < min) throw new Error('short list');
          return list;
        };
        // Single-token names only: a surrogate must keep the original's token count.
        const single = (l: string[]): string[] => l.filter((n) => /^[\p{L}'-]+$/u.test(n));
        return {
          enFirst: single(read('en-first.txt', 20)),
          enLast: single(read('en-last.txt', 20)),
          koSurnames: read('ko-surnames.txt', 10).filter((s) => s.length === 1),
          koGiven: read('ko-given.txt', 20).filter((s) => s.length === 2),
          esFirst: existsSync(join(base, 'es-first.txt')) ? single(read('es-first.txt', 20)) : BUILTIN.esFirst,
          esLast: existsSync(join(base, 'es-last.txt')) ? single(read('es-last.txt', 20)) : BUILTIN.esLast,
        };
      } catch {
        return undefined;
      }
    }
    dir = dirname(dir);
  }
  return undefined;
}
