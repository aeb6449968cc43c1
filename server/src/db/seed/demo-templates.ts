/**
 * Demo report templates and the 2025 Hälsoval round. Question texts follow the program's goals
 * and guidelines; the answers seeded into the round are ILLUSTRATIVE.
 */

type Q = {
  code: string;
  text: string;
  textEn: string;
  help?: string;
  helpEn?: string;
  type: 'BOOLEAN' | 'INTEGER' | 'DECIMAL' | 'PERCENT' | 'TEXT' | 'SINGLE_CHOICE' | 'MULTI_CHOICE' | 'DATE' | 'ATTACHMENT' | 'INDICATOR_VALUE';
  required?: boolean;
  options?: { key: string; label: string; labelEn: string }[];
  min?: number;
  max?: number;
  unitLabel?: string;
  goal?: string;
  guideline?: string;
  indicator?: string;
  /** A free-text answer the public may see once published. */
  publicAnswer?: boolean;
};
type S = { title: string; titleEn: string; questions: Q[] };

export const primaryCareTemplate: { name: string; nameEn: string; serviceArea: 'PRIMARY_CARE'; sections: S[] } = {
  name: 'Självdeklaration Hälsoval 2025',
  nameEn: 'Self-declaration Hälsoval 2025',
  serviceArea: 'PRIMARY_CARE',
  sections: [
    {
      title: 'Tillgänglighet',
      titleEn: 'Accessibility',
      questions: [
        { code: '1.1', type: 'INDICATOR_VALUE', required: true, indicator: 'TEL-SAMEDAY', goal: 'M1', guideline: 'R1',
          text: 'Samtal under telefontid som besvarades eller återkopplades samma dag', textEn: 'Calls during telephone hours answered or called back the same day',
          help: 'Täljare: samtal besvarade samma dag. Nämnare: alla inkommande samtal under telefontid.', helpEn: 'Numerator: calls answered the same day. Denominator: all incoming calls during telephone hours.' },
        { code: '1.2', type: 'INDICATOR_VALUE', required: true, indicator: 'MED-ASSESS-3D', goal: 'M1', guideline: 'R2',
          text: 'Patienter med medicinsk bedömning inom tre dagar', textEn: 'Patients with a medical assessment within three days',
          help: 'Täljare: bedömda inom tre dagar. Nämnare: alla som sökt vård.', helpEn: 'Numerator: assessed within three days. Denominator: everyone who sought care.' },
        { code: '1.3', type: 'DECIMAL', required: true, min: 0, max: 80, unitLabel: 'timmar/vecka', goal: 'M1',
          text: 'Telefontid per vecka', textEn: 'Telephone hours per week' },
        { code: '1.4', type: 'MULTI_CHOICE', required: true, goal: 'M1', min: 1,
          text: 'Vilka kontaktvägar erbjuds?', textEn: 'Which ways of contact are offered?',
          options: [
            { key: 'telefon', label: 'Telefon', labelEn: 'Telephone' },
            { key: '1177', label: '1177 e-tjänster', labelEn: '1177 e-services' },
            { key: 'chatt', label: 'Chatt', labelEn: 'Chat' },
            { key: 'video', label: 'Videobesök', labelEn: 'Video visits' },
            { key: 'drop-in', label: 'Drop-in', labelEn: 'Drop-in' },
          ] },
        { code: '1.5', type: 'BOOLEAN', required: true, goal: 'M1',
          text: 'Har enheten haft öppet alla vardagar under perioden?', textEn: 'Was the unit open every weekday during the period?' },
      ],
    },
    {
      title: 'Patientsäkerhet',
      titleEn: 'Patient safety',
      questions: [
        { code: '2.1', type: 'BOOLEAN', required: true, goal: 'M2', guideline: 'R3',
          text: 'Finns ett ledningssystem för systematiskt kvalitets- och patientsäkerhetsarbete?', textEn: 'Is there a management system for systematic quality and patient safety work?' },
        { code: '2.2', type: 'ATTACHMENT', required: true, goal: 'M2', guideline: 'R3',
          text: 'Bifoga patientsäkerhetsberättelsen för året', textEn: 'Attach the patient safety report for the year',
          help: 'PDF eller Word-dokument, högst 20 MB.', helpEn: 'PDF or Word document, at most 20 MB.' },
        { code: '2.3', type: 'INTEGER', required: true, min: 0, max: 1000, unitLabel: 'st', goal: 'M2', guideline: 'R3',
          text: 'Antal lex Maria-anmälningar under året', textEn: 'Number of lex Maria reports during the year' },
        { code: '2.4', type: 'INDICATOR_VALUE', required: true, indicator: 'ANTIBIOTICS-1000', goal: 'M2', guideline: 'R4',
          text: 'Antibiotikarecept per 1 000 listade', textEn: 'Antibiotic prescriptions per 1,000 listed patients',
          help: 'Täljare: uthämtade recept × 1 000. Nämnare: antal listade.', helpEn: 'Numerator: dispensed prescriptions × 1,000. Denominator: listed patients.' },
        { code: '2.5', type: 'DATE', required: false, goal: 'M2', guideline: 'R4',
          text: 'Datum för senaste Strama-genomgång', textEn: 'Date of the latest Strama review' },
      ],
    },
    {
      title: 'Jämlik och personcentrerad vård',
      titleEn: 'Equal and person-centred care',
      questions: [
        { code: '3.1', type: 'INDICATOR_VALUE', required: true, indicator: 'FIXED-GP', goal: 'M3', guideline: 'R5',
          text: 'Listade patienter med namngiven fast läkarkontakt', textEn: 'Listed patients with a named regular doctor' },
        { code: '3.2', type: 'SINGLE_CHOICE', required: true, goal: 'M3', guideline: 'R6',
          text: 'Hur ofta kunde tolk erbjudas när det behövdes?', textEn: 'How often could an interpreter be offered when needed?',
          options: [
            { key: 'alltid', label: 'Alltid', labelEn: 'Always' },
            { key: 'oftast', label: 'Oftast', labelEn: 'Mostly' },
            { key: 'ibland', label: 'Ibland', labelEn: 'Sometimes' },
            { key: 'sallan', label: 'Sällan', labelEn: 'Rarely' },
          ] },
        { code: '3.3', type: 'TEXT', required: false, goal: 'M3', publicAnswer: true,
          text: 'Beskriv hur ni arbetar för att nå grupper med sämre hälsa', textEn: 'Describe how you reach groups with poorer health' },
        { code: '3.4', type: 'PERCENT', required: true, goal: 'M7', guideline: 'R11',
          text: 'Svarsfrekvens i nationell patientenkät', textEn: 'Response rate in the national patient survey' },
        { code: '3.5', type: 'INDICATOR_VALUE', required: true, indicator: 'NPE-OVERALL', goal: 'M7', guideline: 'R11',
          text: 'Positivt helhetsintryck i nationell patientenkät', textEn: 'Positive overall impression in the national patient survey' },
      ],
    },
    {
      title: 'Personal och kompetens',
      titleEn: 'Staff and competence',
      questions: [
        { code: '4.1', type: 'INDICATOR_VALUE', required: true, indicator: 'LICENSE-CHECK', goal: 'M4', guideline: 'R7',
          text: 'Legitimerad personal vars legitimation kontrollerats under året', textEn: 'Licensed staff whose licence was checked during the year' },
        { code: '4.2', type: 'DECIMAL', required: true, min: 0, max: 200, unitLabel: 'årsarbetare', goal: 'M4',
          text: 'Antal årsarbetande läkare', textEn: 'Physicians, full-time equivalents' },
        { code: '4.3', type: 'PERCENT', required: true, goal: 'M4',
          text: 'Andel läkartid som utförts av hyrläkare', textEn: 'Share of physician time by agency doctors' },
        { code: '4.4', type: 'BOOLEAN', required: true, goal: 'M6', guideline: 'R10',
          text: 'Har alla medarbetare informerats om meddelarfriheten under året?', textEn: 'Were all staff told about their freedom to inform the media this year?' },
        { code: '4.5', type: 'TEXT', required: false, goal: 'M4',
          text: 'Kompetensutveckling under året', textEn: 'Professional development during the year' },
      ],
    },
    {
      title: 'Miljö och insyn',
      titleEn: 'Environment and insight',
      questions: [
        { code: '5.1', type: 'BOOLEAN', required: true, goal: 'M5', guideline: 'R8',
          text: 'Finns en miljöplan med mätbara mål?', textEn: 'Is there an environmental plan with measurable goals?' },
        { code: '5.2', type: 'DECIMAL', required: false, min: 0, max: 10000, unitLabel: 'kg CO₂/årsarbetare', goal: 'M5', guideline: 'R8',
          text: 'Koldioxid från tjänsteresor per årsarbetare', textEn: 'Carbon dioxide from business travel per full-time equivalent' },
        { code: '5.3', type: 'INTEGER', required: true, min: 0, max: 1000, unitLabel: 'st', goal: 'M6', guideline: 'R9',
          text: 'Antal begäranden om insyn som besvarats', textEn: 'Number of insight requests answered' },
        { code: '5.4', type: 'SINGLE_CHOICE', required: true, goal: 'M6', guideline: 'R9',
          text: 'Besvarades begäranden om insyn inom avtalad tid?', textEn: 'Were insight requests answered within the agreed time?',
          options: [
            { key: 'ja', label: 'Ja, alla', labelEn: 'Yes, all' },
            { key: 'delvis', label: 'Delvis', labelEn: 'Partly' },
            { key: 'nej', label: 'Nej', labelEn: 'No' },
            { key: 'inga', label: 'Inga begäranden', labelEn: 'No requests' },
          ] },
        { code: '5.5', type: 'TEXT', required: false,
          text: 'Övriga kommentarer till regionen', textEn: 'Other comments to the region' },
      ],
    },
  ],
};

export const dentalTemplate: { name: string; nameEn: string; serviceArea: 'DENTAL_CARE'; sections: S[] } = {
  name: 'Självdeklaration tandvård barn och unga vuxna 2025',
  nameEn: 'Self-declaration dental care for children and young adults 2025',
  serviceArea: 'DENTAL_CARE',
  sections: [
    {
      title: 'Munhälsa och tillgänglighet',
      titleEn: 'Oral health and accessibility',
      questions: [
        { code: 'T1.1', type: 'INDICATOR_VALUE', required: true, indicator: 'CARIES-FREE-6', goal: 'M3',
          text: 'Undersökta 6-åringar utan karies', textEn: 'Examined 6-year-olds without caries' },
        { code: 'T1.2', type: 'INDICATOR_VALUE', required: true, indicator: 'DENTAL-RECALL', goal: 'M1',
          text: 'Listade som undersökts inom sitt revisionsintervall', textEn: 'Listed patients examined within their recall interval' },
        { code: 'T1.3', type: 'INTEGER', required: true, min: 0, max: 100000, unitLabel: 'st', goal: 'M1',
          text: 'Antal listade barn och unga vuxna', textEn: 'Number of listed children and young adults' },
        { code: 'T1.4', type: 'BOOLEAN', required: true, goal: 'M1',
          text: 'Erbjuds akuttid samma dag?', textEn: 'Are same-day emergency appointments offered?' },
      ],
    },
    {
      title: 'Kvalitet och insyn',
      titleEn: 'Quality and insight',
      questions: [
        { code: 'T2.1', type: 'INDICATOR_VALUE', required: true, indicator: 'LICENSE-CHECK', goal: 'M4', guideline: 'R7',
          text: 'Legitimerad personal vars legitimation kontrollerats', textEn: 'Licensed staff whose licence was checked' },
        { code: 'T2.2', type: 'ATTACHMENT', required: false, goal: 'M2', guideline: 'R3',
          text: 'Bifoga patientsäkerhetsberättelsen', textEn: 'Attach the patient safety report' },
        { code: 'T2.3', type: 'BOOLEAN', required: true, goal: 'M6', guideline: 'R10',
          text: 'Har alla medarbetare informerats om meddelarfriheten?', textEn: 'Were all staff told about their freedom to inform the media?' },
        { code: 'T2.4', type: 'TEXT', required: false,
          text: 'Övriga kommentarer', textEn: 'Other comments' },
      ],
    },
  ],
};
