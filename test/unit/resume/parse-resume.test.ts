import { parseResume } from '../../../src/resume/parse-resume';
import type { ResumeLine } from '../../../src/resume/text-lines';

const text = (...lines: string[]): string => lines.join('\n');

describe('parseResume: name', () => {
  it('takes the first name-like line of plain text', () => {
    expect(parseResume(text('Maria Gonzalez', 'maria.g@example.com', 'Experience')).name).toBe('Maria Gonzalez');
  });

  it('strips a "Name:" label', () => {
    expect(parseResume(text('Name: Omar Haddad', 'Email: omar@example.com')).name).toBe('Omar Haddad');
  });

  it('prefers the biggest text on top when font sizes are known', () => {
    const lines: ResumeLine[] = [
      { text: 'Curriculum Vitae Draft', fontSize: 9 },
      { text: 'Priya Natarajan', fontSize: 24 },
      { text: 'priya@example.com', fontSize: 10 },
    ];
    expect(parseResume(lines).name).toBe('Priya Natarajan');
  });

  it('drops post-nominal letters and a tagline after a bar', () => {
    expect(parseResume(text('Jane Doe, MBA', 'jane@example.com')).name).toBe('Jane Doe');
    expect(parseResume(text('Jane Doe | Software Engineer', 'jane@example.com')).name).toBe('Jane Doe');
  });

  it('does not take a "Curriculum Vitae" banner or a job title for the name', () => {
    const lines: ResumeLine[] = [
      { text: 'CURRICULUM VITAE', fontSize: 26 },
      { text: 'Senior Software Engineer', fontSize: 22 },
      { text: 'Tomasz Nowak', fontSize: 18 },
    ];
    expect(parseResume(lines).name).toBe('Tomasz Nowak');
  });

  it('accepts a Chinese name', () => {
    expect(parseResume(text('张伟', 'zhangwei@example.cn', '教育背景')).name).toBe('张伟');
  });

  it('does not take an address or a contact line as the name', () => {
    expect(parseResume(text('12 Baker Street, London', 'kim@example.com')).name).toBeNull();
  });
});

describe('parseResume: contacts', () => {
  it('finds the email, lower-cased, without a mailto: prefix', () => {
    expect(parseResume(text('Ana Silva', 'mailto:Ana.Silva@Example.COM')).email).toBe('ana.silva@example.com');
  });

  it('gives E.164 for a number printed with its country code', () => {
    expect(parseResume(text('Ana Silva', 'Phone: +1 (415) 555-0132')).phone).toBe('+14155550132');
  });

  it('handles "(+82)" style country codes', () => {
    expect(parseResume(text('Ana Silva', '(+82) 10-9030-1843')).phone).toBe('+821090301843');
  });

  it('keeps a number without a country code as printed', () => {
    expect(parseResume(text('Ana Silva', 'Cell: (415) 555-0132')).phone).toBe('(415) 555-0132');
  });

  it('uses the default country when one is given', () => {
    expect(parseResume(text('Ana Silva', 'Tel: 020 7946 0958'), { defaultCountry: 'GB' }).phone).toBe('+442079460958');
  });

  it('reads "+44 (0) 20 …" numbers', () => {
    expect(parseResume(text('Ana Silva', '+44 (0) 20 7946 0958')).phone).toBe('+442079460958');
  });

  it('ignores long digit runs far from the contact details unless labelled', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `• Achievement number ${i + 1}`);
    expect(parseResume(text('Ana Silva', 'Experience', ...filler, 'Grant 415 555 0132 77')).phone).toBeNull();
    expect(parseResume(text('Ana Silva', 'Experience', ...filler, 'Mobile: 415 555 0132')).phone).toBe('415 555 0132');
  });

  it('does not mistake a year range for a phone', () => {
    expect(parseResume(text('Ana Silva', 'Education', 'University of Porto 2012 - 2016')).phone).toBeNull();
  });
});

describe('parseResume: summary', () => {
  it('reads a Summary section', () => {
    const r = parseResume(text('Ana Silva', 'SUMMARY', 'Backend engineer with 8 years in payments.', 'EXPERIENCE'));
    expect(r.summary).toBe('Backend engineer with 8 years in payments.');
  });

  it('reads an Objective section', () => {
    expect(parseResume(text('Ana Silva', 'Objective', 'To join a data team as an analyst.')).summary).toBe(
      'To join a data team as an analyst.',
    );
  });

  it('takes a tagline under the name when there is no summary section', () => {
    const r = parseResume(text('Ana Silva', 'Product designer who loves accessible interfaces', 'ana@example.com', 'Experience'));
    expect(r.summary).toBe('Product designer who loves accessible interfaces');
  });

  it('has no summary when there is none', () => {
    expect(parseResume(text('Ana Silva', 'ana@example.com', 'Skills', 'Go, SQL')).summary).toBeNull();
  });
});

describe('parseResume: experience', () => {
  const exp = (...body: string[]) => parseResume(text('Ana Silva', 'ana@example.com', ...body)).experience;

  it('company line, then title with the dates at the right margin', () => {
    expect(exp('Work Experience', 'Globex Corporation', 'Data Analyst\tMar 2018 – Present', '• Built dashboards')).toEqual([
      { company: 'Globex Corporation', title: 'Data Analyst', start: 'Mar 2018', end: 'Present' },
    ]);
  });

  it('company with dates, then the title below', () => {
    expect(exp('EXPERIENCE', 'Initech\t2016 – 2019', 'Senior Developer', '- Migrated billing')).toEqual([
      { company: 'Initech', title: 'Senior Developer', start: '2016', end: '2019' },
    ]);
  });

  it('title with the dates, then the company below (the common LaTeX template)', () => {
    expect(
      exp(
        'Experience',
        'Undergraduate Research Assistant\tJune 2020 – Present',
        'Texas Tech University\tLubbock, TX',
        '• Built a REST API',
      ),
    ).toEqual([
      { company: 'Texas Tech University', title: 'Undergraduate Research Assistant', start: 'June 2020', end: 'Present' },
    ]);
  });

  it('company, title, then the dates on a line of their own', () => {
    expect(exp('Employment History', 'Contoso Ltd', 'Support Specialist', 'Jan 2019 - Current')).toEqual([
      { company: 'Contoso Ltd', title: 'Support Specialist', start: 'Jan 2019', end: 'Current' },
    ]);
  });

  it('accepts a heading like "Experience & Leadership"', () => {
    expect(exp('Experience & Leadership', 'Globex\t2019 – 2020', 'Engineer')).toHaveLength(1);
  });

  it('"Title at Company" on one line', () => {
    expect(exp('Professional Experience', 'Marketing Manager at Umbrella Health\tJan 2020 - Dec 2022')).toEqual([
      { company: 'Umbrella Health', title: 'Marketing Manager', start: 'Jan 2020', end: 'Dec 2022' },
    ]);
  });

  it('"COMPANY | TITLE" then a date line with the location', () => {
    expect(exp('EMPLOYMENT', 'STARK INDUSTRIES | MECHANICAL ENGINEER', 'June 2015 – Aug 2017 | Boston, MA')).toEqual([
      { company: 'STARK INDUSTRIES', title: 'MECHANICAL ENGINEER', start: 'June 2015', end: 'Aug 2017' },
    ]);
  });

  it('"Title, Company" with dates in parentheses', () => {
    expect(exp('Work History', 'Staff Nurse, St. Mary Hospital (2011 – 2014)')).toEqual([
      { company: 'St. Mary Hospital', title: 'Staff Nurse', start: '2011', end: '2014' },
    ]);
  });

  it('numeric dates: 06/2019 – 08/2020', () => {
    expect(exp('Experience', 'Wayne Enterprises', 'Accountant\t06/2019 – 08/2020')[0]).toMatchObject({
      start: '06/2019',
      end: '08/2020',
    });
  });

  it('a single date goes in end', () => {
    expect(exp('Experience', 'Acme Labs', 'Research Intern\tSummer 2021')[0]).toMatchObject({ start: null, end: 'Summer 2021' });
  });

  it('"Sept. 2017 to May 2019"', () => {
    expect(exp('Experience', 'Hooli', 'Product Manager\tSept. 2017 to May 2019')[0]).toMatchObject({
      start: 'Sept. 2017',
      end: 'May 2019',
    });
  });

  it('wrapped bullet lines are not taken for the next entry', () => {
    const r = exp(
      'Experience',
      'Globex\tJan 2019 – Present',
      'Engineer',
      '• Wrote the scheduler, the billing jobs,',
      'Reports and Alerts',
      'Initech\t2016 – 2018',
      'Developer',
    );
    expect(r.map((e) => e.company)).toEqual(['Globex', 'Initech']);
  });

  it('dates first, then title and company below (Europass)', () => {
    expect(exp('Work experience', '01/2018 – Present', 'Project Manager', 'Eni S.p.A., Rome (Italy)', '• Led a team')).toEqual([
      { company: 'Eni S.p.A.', title: 'Project Manager', start: '01/2018', end: 'Present' },
    ]);
  });

  it('a place after a leading date is not read as the title', () => {
    expect(exp('Experience', 'Data Analyst', 'N26 GmbH', '📅 2017 – 2020\tBerlin')).toEqual([
      { company: 'N26 GmbH', title: 'Data Analyst', start: '2017', end: '2020' },
    ]);
  });

  it('leaves projects out of the experience', () => {
    const r = exp('Experience', 'Globex\t2019 – 2020', 'Engineer', 'Side Projects\t2018', 'Personal project, Go and SQL');
    expect(r.map((e) => e.company)).toEqual(['Globex']);
  });

  it('does not read other sections (projects, awards) as experience', () => {
    expect(exp('Projects', 'Chess engine\tJan 2020', 'Awards', 'Best Paper\t2019')).toEqual([]);
  });

  it('uses volunteer work only when there is no employment section', () => {
    const onlyVolunteer = exp('Volunteer Experience', 'Food Bank of Oslo\tJune 2012 – Present', 'Volunteer');
    expect(onlyVolunteer).toEqual([{ company: 'Food Bank of Oslo', title: 'Volunteer', start: 'June 2012', end: 'Present' }]);
    const both = exp('Experience', 'Globex\t2019 – 2020', 'Engineer', 'Volunteer Experience', 'Food Bank\t2012', 'Volunteer');
    expect(both.map((e) => e.company)).toEqual(['Globex']);
  });

  it('reads Chinese section headings and dates', () => {
    const r = parseResume(
      text('张伟', '工作经历', '某某科技有限公司\t2015 年 3 月 – 2017 年 5 月', '软件工程师', '• 负责后端开发'),
    );
    expect(r.experience).toEqual([
      { company: '某某科技有限公司', title: '软件工程师', start: '2015 年 3 月', end: '2017 年 5 月' },
    ]);
  });
});

describe('parseResume: education', () => {
  const edu = (...body: string[]) => parseResume(text('Ana Silva', ...body)).education;

  it('school, then degree with dates', () => {
    expect(edu('Education', 'University of Lisbon', 'MSc in Economics\tSep 2014 – Jul 2016')).toEqual([
      { school: 'University of Lisbon', degree: 'MSc in Economics', start: 'Sep 2014', end: 'Jul 2016' },
    ]);
  });

  it('degree, school and years on one line', () => {
    expect(edu('EDUCATION', 'B.Sc. Computer Science, University of Toronto, 2012–2016')).toEqual([
      { school: 'University of Toronto', degree: 'B.Sc. Computer Science', start: '2012', end: '2016' },
    ]);
  });

  it('a school with a location after it, GPA dropped from the degree', () => {
    expect(edu('Education', 'Georgia Institute of Technology, Atlanta, GA', 'Master of Science; GPA: 3.9\tMay 2019')).toEqual([
      { school: 'Georgia Institute of Technology', degree: 'Master of Science', start: null, end: 'May 2019' },
    ]);
  });

  it('the degree on the line above the school', () => {
    expect(edu('Education', 'Bachelor of Science in Biology', 'University of Ghana, 2016')).toEqual([
      { school: 'University of Ghana', degree: 'Bachelor of Science in Biology', start: null, end: '2016' },
    ]);
  });

  it('dates and degree above the first school', () => {
    expect(
      edu('Education and training', '2008 – 2013', "Master's degree in Chemical Engineering", 'Politecnico di Milano'),
    ).toEqual([
      { school: 'Politecnico di Milano', degree: "Master's degree in Chemical Engineering", start: '2008', end: '2013' },
    ]);
  });

  it('several schools', () => {
    const r = edu(
      'Education',
      'Imperial College London\t2015 – 2016',
      'MSc Physics',
      'Lycée Henri-IV\t2010 – 2013',
      'Baccalauréat',
    );
    expect(r.map((e) => e.school)).toEqual(['Imperial College London', 'Lycée Henri-IV']);
  });

  it('a school without a telling word, found by its dates', () => {
    expect(edu('Education', 'Lakeside Prep\t2008 – 2012', 'High School Diploma')).toEqual([
      { school: 'Lakeside Prep', degree: 'High School Diploma', start: '2008', end: '2012' },
    ]);
  });

  it('reads 教育背景', () => {
    expect(parseResume(text('张伟', '教育背景', '清华大学\t2010 – 2014', '学士 计算机科学')).education).toEqual([
      { school: '清华大学', degree: '学士 计算机科学', start: '2010', end: '2014' },
    ]);
  });
});

describe('parseResume: layout noise', () => {
  it('drops running footers that repeat on every page with a new number', () => {
    const lines: ResumeLine[] = [
      { text: 'Ana Silva', page: 1, fontSize: 20 },
      { text: 'Experience', page: 1, fontSize: 14 },
      { text: 'Globex', page: 1, fontSize: 10 },
      { text: 'Engineer\tJan 2019 – Present', page: 1, fontSize: 10 },
      { text: 'Ana Silva – Résumé – 1/2', page: 1, fontSize: 8 },
      { text: 'Initech', page: 2, fontSize: 10 },
      { text: 'Developer\t2016 – 2018', page: 2, fontSize: 10 },
      { text: 'Ana Silva – Résumé – 2/2', page: 2, fontSize: 8 },
    ];
    expect(parseResume(lines).experience.map((e) => [e.company, e.title])).toEqual([
      ['Globex', 'Engineer'],
      ['Initech', 'Developer'],
    ]);
  });
});

describe('parseResume: record summaries', () => {
  it('builds the three short strings the candidate record keeps', () => {
    const r = parseResume(
      text(
        'Ana Silva',
        'Experience',
        'Globex',
        'Engineer\tJan 2019 – Present',
        'Education',
        'University of Porto',
        'BSc Physics\t2012 – 2015',
      ),
    );
    expect(r.resumeExperience).toBe('Engineer, Globex (Jan 2019 – Present)');
    expect(r.educationSummary).toBe('BSc Physics, University of Porto (2012 – 2015)');
    expect(r.resumeSummary).toBe('Engineer at Globex. BSc Physics, University of Porto');
  });

  it('returns nulls and empty lists for empty text', () => {
    expect(parseResume('')).toEqual({
      name: null,
      email: null,
      phone: null,
      summary: null,
      education: [],
      experience: [],
      resumeSummary: null,
      educationSummary: null,
      resumeExperience: null,
    });
  });
});
