/**
 * Demo region: Region Jämtland Härjedalen.
 *
 * The municipalities and their SCB codes, the choice systems and the two council documents
 * (RS/620/2021 and RS/383/2021) are real. Provider names, organisationsnummer, unit details,
 * agreement references and every figure are ILLUSTRATIVE: they show how Insyn works and
 * describe no real organisation or result.
 */

export const ILLUSTRATIVE_NOTICE =
  'Demodata: kommuner, valfrihetssystem och styrdokument är verkliga; utförare, enheter, avtal och alla siffror är påhittade exempel.';

export const REGION_ORG_NUMBER = '232100-0214';

export const municipalities = [
  { code: '2303', name: 'Ragunda' },
  { code: '2305', name: 'Bräcke' },
  { code: '2309', name: 'Krokom' },
  { code: '2313', name: 'Strömsund' },
  { code: '2321', name: 'Åre' },
  { code: '2326', name: 'Berg' },
  { code: '2361', name: 'Härjedalen' },
  { code: '2380', name: 'Östersund' },
] as const;
export const COUNTY = { code: '23', name: 'Jämtlands län' } as const;

export const choiceSystems = [
  { code: 'HALSOVAL', name: 'Hälsoval Region Jämtland Härjedalen', startedOn: '2010-01-01' },
  { code: 'TANDVARD_BUV', name: 'Vårdval allmäntandvård barn och unga vuxna', startedOn: '2014-01-01' },
] as const;
export type ChoiceSystemCode = (typeof choiceSystems)[number]['code'];

type Kind = 'HEALTH_CENTRE' | 'DENTAL_CLINIC' | 'BRANCH' | 'OTHER';
interface DemoUnit {
  name: string;
  kind: Kind;
  municipality: string;
  street: string;
  postalCode: string;
  city: string;
}
interface DemoAgreement {
  reference: string;
  form: 'LOV' | 'LOU' | 'IN_HOUSE' | 'LOF';
  choiceSystem: ChoiceSystemCode | null;
  validFrom: string;
  validTo: string | null;
  /** Names of the provider's units that the agreement covers. */
  units: string[];
  outOfScopeReason?: string;
}
export interface DemoProvider {
  key: string;
  name: string;
  orgNumber: string;
  ownership: 'IN_HOUSE' | 'PRIVATE' | 'PUBLIC_COMPANY' | 'NON_PROFIT';
  contactEmail: string;
  contactPhone: string;
  units: DemoUnit[];
  agreements: DemoAgreement[];
}

const hc = (name: string, municipality: string, street: string, postalCode: string, city: string): DemoUnit => ({
  name,
  kind: 'HEALTH_CENTRE',
  municipality,
  street,
  postalCode,
  city,
});
const dental = (name: string, municipality: string, street: string, postalCode: string, city: string): DemoUnit => ({
  name,
  kind: 'DENTAL_CLINIC',
  municipality,
  street,
  postalCode,
  city,
});

const inHousePrimaryCare: DemoUnit[] = [
  hc('Svenstaviks hälsocentral', '2326', 'Kyrkvägen 12', '845 31', 'Svenstavik'),
  hc('Myrvikens hälsocentral', '2326', 'Centrumvägen 3', '845 51', 'Myrviken'),
  hc('Bräcke hälsocentral', '2305', 'Storgatan 40', '843 31', 'Bräcke'),
  hc('Gällö hälsocentral', '2305', 'Gällövägen 8', '840 10', 'Gällö'),
  hc('Svegs hälsocentral', '2361', 'Ringvägen 2', '842 32', 'Sveg'),
  hc('Krokoms hälsocentral', '2309', 'Hälsovägen 1', '835 31', 'Krokom'),
  hc('Föllinge hälsocentral', '2309', 'Byvägen 14', '835 80', 'Föllinge'),
  hc('Hammarstrands hälsocentral', '2303', 'Köpmangatan 6', '840 70', 'Hammarstrand'),
  hc('Strömsunds hälsocentral', '2313', 'Lasarettsvägen 3', '833 35', 'Strömsund'),
  hc('Gäddede hälsocentral', '2313', 'Storgatan 21', '833 97', 'Gäddede'),
  hc('Järpens hälsocentral', '2321', 'Järpenvägen 10', '837 31', 'Järpen'),
  hc('Åre hälsocentral', '2321', 'Årevägen 78', '837 52', 'Åre'),
  hc('Lugnviks hälsocentral', '2380', 'Lugnviksvägen 18', '831 52', 'Östersund'),
  hc('Odenhälsan', '2380', 'Odengatan 24', '831 31', 'Östersund'),
  hc('Torvalla hälsocentral', '2380', 'Torvallavägen 5', '831 48', 'Östersund'),
  hc('Brittsbo hälsocentral', '2380', 'Brittsbovägen 2', '831 43', 'Östersund'),
  hc('Frösö hälsocentral', '2380', 'Frösövägen 40', '832 43', 'Frösön'),
  hc('Brunflo hälsocentral', '2380', 'Centrumgränd 4', '834 31', 'Brunflo'),
];

const inHouseDental: DemoUnit[] = [
  dental('Folktandvården Östersund', '2380', 'Rådhusgatan 46', '831 35', 'Östersund'),
  dental('Folktandvården Sveg', '2361', 'Ringvägen 2', '842 32', 'Sveg'),
  dental('Folktandvården Strömsund', '2313', 'Lasarettsvägen 3', '833 35', 'Strömsund'),
  dental('Folktandvården Järpen', '2321', 'Järpenvägen 10', '837 31', 'Järpen'),
  dental('Folktandvården Krokom', '2309', 'Hälsovägen 1', '835 31', 'Krokom'),
  dental('Folktandvården Hammarstrand', '2303', 'Köpmangatan 6', '840 70', 'Hammarstrand'),
  dental('Folktandvården Svenstavik', '2326', 'Kyrkvägen 12', '845 31', 'Svenstavik'),
  dental('Folktandvården Bräcke', '2305', 'Storgatan 40', '843 31', 'Bräcke'),
];

const LOF_REASON =
  'Samverkansavtal enligt lagen om fysioterapiersättning (LOF, nationell taxa). Avtalet kan föras över till ny utförare på oförändrade villkor och omfattas därför inte av programmet (RS/620/2021).';

export const providers: DemoProvider[] = [
  {
    key: 'inhouse-primary',
    name: 'Primärvården Region Jämtland Härjedalen',
    orgNumber: REGION_ORG_NUMBER,
    ownership: 'IN_HOUSE',
    contactEmail: 'primarvard@insyn.example',
    contactPhone: '063-14 70 00',
    units: inHousePrimaryCare,
    // One uppdragsbeskrivning per health centre, as each is followed up on its own. The in-house
    // health centres have been part of Hälsoval since it started; the reference names the current
    // commission (revised 2024).
    agreements: inHousePrimaryCare.map((u, i) => ({
      reference: `UB-HV-2024-${String(i + 1).padStart(2, '0')}`,
      form: 'IN_HOUSE' as const,
      choiceSystem: 'HALSOVAL' as const,
      validFrom: '2010-01-01',
      validTo: null,
      units: [u.name],
    })),
  },
  {
    key: 'inhouse-dental',
    name: 'Folktandvården Jämtland Härjedalen',
    orgNumber: REGION_ORG_NUMBER,
    ownership: 'IN_HOUSE',
    contactEmail: 'folktandvarden@insyn.example',
    contactPhone: '063-14 71 00',
    units: inHouseDental,
    agreements: [
      {
        reference: 'UB-TV-2024',
        form: 'IN_HOUSE',
        choiceSystem: 'TANDVARD_BUV',
        validFrom: '2014-01-01',
        validTo: null,
        units: inHouseDental.map((u) => u.name),
      },
    ],
  },
  {
    key: 'private-multi',
    name: 'Jämtvård Hälsocentraler AB',
    orgNumber: '556812-7343',
    ownership: 'PRIVATE',
    contactEmail: 'kontakt@jamtvard.example',
    contactPhone: '0640-120 00',
    units: [
      hc('Offerdals hälsocentral', '2309', 'Edevägen 9', '835 97', 'Ede'),
      hc('Hammerdals hälsocentral', '2313', 'Hammerdalsvägen 30', '833 51', 'Hammerdal'),
      hc('Hotings hälsocentral', '2313', 'Stationsgatan 7', '833 95', 'Hoting'),
    ],
    agreements: [
      {
        reference: 'LOV-HV-2012-004',
        form: 'LOV',
        choiceSystem: 'HALSOVAL',
        validFrom: '2012-03-01',
        validTo: null,
        units: ['Offerdals hälsocentral', 'Hammerdals hälsocentral', 'Hotings hälsocentral'],
      },
    ],
  },
  {
    key: 'private-hede',
    name: 'Hede Läkarhus AB',
    orgNumber: '559104-2188',
    ownership: 'PRIVATE',
    contactEmail: 'info@hedelakarhus.example',
    contactPhone: '0684-100 20',
    units: [hc('Hede hälsocentral', '2361', 'Hedevägen 15', '840 93', 'Hede')],
    agreements: [
      {
        reference: 'LOV-HV-2017-011',
        form: 'LOV',
        choiceSystem: 'HALSOVAL',
        validFrom: '2017-09-01',
        validTo: null,
        units: ['Hede hälsocentral'],
      },
    ],
  },
  {
    key: 'private-storsjo',
    name: 'Storsjöklinikerna AB',
    orgNumber: '556477-0252',
    ownership: 'PRIVATE',
    contactEmail: 'kontakt@storsjoklinikerna.example',
    contactPhone: '063-55 44 00',
    units: [
      hc('Storsjöhälsan', '2380', 'Prästgatan 51', '831 34', 'Östersund'),
      hc('Lits hälsocentral', '2380', 'Litsvägen 4', '836 31', 'Lit'),
    ],
    agreements: [
      {
        reference: 'LOV-HV-2010-002',
        form: 'LOV',
        choiceSystem: 'HALSOVAL',
        validFrom: '2010-01-01',
        validTo: null,
        units: ['Storsjöhälsan'],
      },
      {
        reference: 'LOV-HV-2016-009',
        form: 'LOV',
        choiceSystem: 'HALSOVAL',
        validFrom: '2016-05-01',
        validTo: null,
        units: ['Lits hälsocentral'],
      },
    ],
  },
  {
    key: 'private-dental',
    name: 'Tandläkarna i Jämtland AB',
    orgNumber: '556930-5617',
    ownership: 'PRIVATE',
    contactEmail: 'reception@tandjamtland.example',
    contactPhone: '063-10 20 30',
    units: [
      dental('Tandkliniken Kyrkgatan', '2380', 'Kyrkgatan 31', '831 34', 'Östersund'),
      dental('Åre Tandvård', '2321', 'Årevägen 60', '837 52', 'Åre'),
    ],
    agreements: [
      {
        reference: 'LOV-TV-2014-003',
        form: 'LOV',
        choiceSystem: 'TANDVARD_BUV',
        validFrom: '2014-01-01',
        validTo: null,
        units: ['Tandkliniken Kyrkgatan', 'Åre Tandvård'],
      },
    ],
  },
  {
    key: 'nonprofit',
    name: 'Föreningen Fjällvård Härjedalen',
    orgNumber: '802451-6372',
    ownership: 'NON_PROFIT',
    contactEmail: 'styrelsen@fjallvard.example',
    contactPhone: '0684-200 10',
    units: [hc('Funäsdalens hälsocentral', '2361', 'Rörosvägen 20', '840 95', 'Funäsdalen')],
    agreements: [
      {
        reference: 'LOV-HV-2019-007',
        form: 'LOV',
        choiceSystem: 'HALSOVAL',
        validFrom: '2019-01-01',
        validTo: null,
        units: ['Funäsdalens hälsocentral'],
      },
    ],
  },
  {
    key: 'cooperative',
    name: 'Ragunda Läkargrupp ek. för.',
    orgNumber: '769634-1200',
    ownership: 'PRIVATE',
    contactEmail: 'info@ragundalakargrupp.example',
    contactPhone: '0696-100 50',
    units: [hc('Stuguns hälsocentral', '2303', 'Stugunvägen 2', '840 50', 'Stugun')],
    agreements: [
      {
        reference: 'LOV-HV-2021-015',
        form: 'LOV',
        choiceSystem: 'HALSOVAL',
        validFrom: '2021-04-01',
        validTo: null,
        units: ['Stuguns hälsocentral'],
      },
    ],
  },
  {
    key: 'lof-physio',
    name: 'Fysiokliniken Östersund AB',
    orgNumber: '556201-9488',
    ownership: 'PRIVATE',
    contactEmail: 'info@fysioklinikenostersund.example',
    contactPhone: '063-12 34 56',
    units: [
      {
        name: 'Fysiokliniken Östersund',
        kind: 'OTHER',
        municipality: '2380',
        street: 'Storgatan 20',
        postalCode: '831 30',
        city: 'Östersund',
      },
    ],
    agreements: [
      {
        reference: 'LOF-2018-014',
        form: 'LOF',
        choiceSystem: null,
        validFrom: '2018-07-01',
        validTo: null,
        units: ['Fysiokliniken Östersund'],
        outOfScopeReason: LOF_REASON,
      },
    ],
  },
];

export const governingDocuments = [
  {
    kind: 'PROGRAM',
    title:
      'Program med likvärdiga mål och riktlinjer samt uppföljning och insyn för utförare av kommunal angelägenhet 2024–2026',
    decisionReference: 'RS/620/2021',
    decidedBy: 'Regionfullmäktige',
    decidedAt: '2024-02-21',
    summary:
      'Fullmäktiges program enligt kommunallagen 5 kap. 3 §: mål och riktlinjer för alla utförare, i egen regi och privata, hur de följs upp och hur allmänhetens insyn tillgodoses. Samverkansavtal enligt LOF omfattas inte.',
  },
  {
    kind: 'EQUAL_CONDITIONS',
    title: 'Likvärdiga villkor för utförare inom valfrihetssystem i Region Jämtland Härjedalen',
    decisionReference: 'RS/383/2021',
    decidedBy: 'Regionfullmäktige, på förslag av regionstyrelsen 2021-06-02 § 118',
    decidedAt: null,
    summary:
      'Huvudmannaskap och sistahandsansvar inom Hälsoval och vårdval allmäntandvård barn och unga vuxna: egen regi upprätthåller hälsocentral och folktandvård i varje kommun, och den kostnaden ska ersättas öppet så att alla utförare verkar på likvärdiga villkor.',
  },
] as const;

export const program = {
  title:
    'Program med likvärdiga mål och riktlinjer samt uppföljning och insyn för utförare av kommunal angelägenhet 2024–2026',
  termStart: 2024,
  termEnd: 2026,
  decisionReference: 'RS/620/2021',
  decidedBy: 'Regionfullmäktige',
  decidedAt: '2024-02-21',
  status: 'ADOPTED',
} as const;

export const goals = [
  {
    code: 'M1',
    category: 'ACCESSIBILITY',
    title: 'Vården är tillgänglig i hela länet',
    description:
      'Invånarna når sin hälsocentral och tandklinik samma dag och får medicinsk bedömning i tid, oavsett var i länet de bor och vem som driver enheten.',
  },
  {
    code: 'M2',
    category: 'PATIENT_SAFETY',
    title: 'Vården är säker',
    description:
      'Utförarna arbetar systematiskt med patientsäkerhet, rapporterar och lär av avvikelser och förskriver läkemedel, särskilt antibiotika, enligt gällande riktlinjer.',
  },
  {
    code: 'M3',
    category: 'EQUAL_CARE',
    title: 'Vården är jämlik och personcentrerad',
    description:
      'Alla får vård på lika villkor efter behov. Patienten har en fast vårdkontakt och är delaktig i sin vård.',
  },
  {
    code: 'M4',
    category: 'STAFF_COMPETENCE',
    title: 'Medarbetarna har rätt kompetens',
    description:
      'Utförarna har personal med den kompetens och legitimation som uppdraget kräver och ger den möjlighet att utvecklas.',
  },
  {
    code: 'M5',
    category: 'ENVIRONMENT',
    title: 'Verksamheten minskar sin miljöpåverkan',
    description:
      'Utförarna arbetar efter regionens miljömål: minskade utsläpp från resor och transporter, minskad klimatpåverkan från läkemedel och förbrukningsmaterial.',
  },
  {
    code: 'M6',
    category: 'TRANSPARENCY',
    title: 'Allmänheten har insyn i verksamheten',
    description:
      'Allmänheten kan jämföra utförarnas resultat och får svar på begäran om insyn. Medarbetare hos alla utförare har meddelarfrihet.',
  },
  {
    code: 'M7',
    category: 'QUALITY',
    title: 'Patienterna är nöjda med vården',
    description: 'Patienternas upplevelse följs upp med den nationella patientenkäten och används för förbättring.',
  },
] as const;

export const guidelines = [
  {
    code: 'R1',
    goal: 'M1',
    obligation: 'SHALL',
    text: 'Utföraren ska vara tillgänglig per telefon under dagtid och besvara alla samtal samma dag, i enlighet med vårdgarantin.',
  },
  {
    code: 'R2',
    goal: 'M1',
    obligation: 'SHALL',
    text: 'Utföraren ska erbjuda medicinsk bedömning inom tre dagar för den som söker vård.',
  },
  {
    code: 'R3',
    goal: 'M2',
    obligation: 'SHALL',
    text: 'Utföraren ska ha ett ledningssystem för systematiskt kvalitets- och patientsäkerhetsarbete (SOSFS 2011:9) och rapportera allvarliga vårdskador enligt lex Maria.',
  },
  {
    code: 'R4',
    goal: 'M2',
    obligation: 'SHOULD',
    text: 'Utföraren bör följa Strama-riktlinjerna för antibiotikaförskrivning och årligen analysera sin förskrivning.',
  },
  {
    code: 'R5',
    goal: 'M3',
    obligation: 'SHALL',
    text: 'Utföraren ska erbjuda listade patienter med behov av kontinuitet en fast läkarkontakt eller fast vårdkontakt.',
  },
  {
    code: 'R6',
    goal: 'M3',
    obligation: 'SHALL',
    text: 'Utföraren ska erbjuda tolk och information i tillgängliga format till den som behöver det.',
  },
  {
    code: 'R7',
    goal: 'M4',
    obligation: 'SHALL',
    text: 'Utföraren ska kontrollera legitimation och behörighet för hälso- och sjukvårdspersonal vid anställning och årligen.',
  },
  {
    code: 'R8',
    goal: 'M5',
    obligation: 'SHOULD',
    text: 'Utföraren bör ha en miljöplan med mätbara mål och redovisa utfallet i den årliga uppföljningen.',
  },
  {
    code: 'R9',
    goal: 'M6',
    obligation: 'SHALL',
    text: 'Utföraren ska på begäran lämna den information som behövs för att allmänheten ska få insyn (KL 10 kap. 9 §), inom den tid avtalet anger.',
  },
  {
    code: 'R10',
    goal: 'M6',
    obligation: 'SHALL',
    text: 'Utföraren ska informera sina medarbetare om att de har meddelarfrihet och att efterforskning och repressalier är förbjudna.',
  },
  {
    code: 'R11',
    goal: 'M7',
    obligation: 'SHOULD',
    text: 'Utföraren bör analysera resultatet av den nationella patientenkäten och redovisa vilka förbättringar som gjorts.',
  },
] as const;

export const indicators = [
  {
    code: 'TEL-SAMEDAY',
    name: 'Telefontillgänglighet samma dag',
    definition: 'Andel inkommande samtal under telefontid som besvaras eller återkopplas samma dag.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    serviceArea: 'PRIMARY_CARE',
    goal: 'M1',
    source: 'Utförarens telefonisystem, rapporteras per tertial',
    targets: [
      { year: 2023, value: 100, amber: 88 },
      { year: 2024, value: 100, amber: 90 },
      { year: 2025, value: 100, amber: 90 },
      { year: 2026, value: 100, amber: 92 },
    ],
  },
  {
    code: 'MED-ASSESS-3D',
    name: 'Medicinsk bedömning inom tre dagar',
    definition: 'Andel patienter som fått en medicinsk bedömning av legitimerad personal inom tre dagar från kontakt.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    serviceArea: 'PRIMARY_CARE',
    goal: 'M1',
    source: 'Väntetider i vården (SKR)',
    targets: [
      { year: 2023, value: 100, amber: 85 },
      { year: 2024, value: 100, amber: 85 },
      { year: 2025, value: 100, amber: 85 },
      { year: 2026, value: 100, amber: 88 },
    ],
  },
  {
    code: 'FIXED-GP',
    name: 'Fast läkarkontakt',
    definition: 'Andel listade patienter som har en namngiven fast läkarkontakt.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    serviceArea: 'PRIMARY_CARE',
    goal: 'M3',
    source: 'Utförarens journalsystem',
    targets: [
      { year: 2023, value: 35, amber: 25 },
      { year: 2024, value: 40, amber: 30 },
      { year: 2025, value: 45, amber: 35 },
      { year: 2026, value: 55, amber: 45 },
    ],
  },
  {
    code: 'ANTIBIOTICS-1000',
    name: 'Antibiotikaförskrivning per 1 000 listade',
    definition: 'Antal uthämtade antibiotikarecept (J01 exkl. metenamin) per 1 000 listade invånare och år.',
    unit: 'RATE_PER_1000',
    direction: 'LOWER_IS_BETTER',
    serviceArea: 'PRIMARY_CARE',
    goal: 'M2',
    source: 'Läkemedelsregistret via regionens läkemedelsenhet',
    targets: [
      { year: 2023, value: 250, amber: 310 },
      { year: 2024, value: 250, amber: 300 },
      { year: 2025, value: 250, amber: 290 },
      { year: 2026, value: 250, amber: 280 },
    ],
  },
  {
    code: 'NPE-OVERALL',
    name: 'Nationell patientenkät: helhetsintryck',
    definition: 'Andel svarande i nationell patientenkät, primärvård, som ger positivt helhetsintryck.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    serviceArea: 'PRIMARY_CARE',
    goal: 'M7',
    source: 'Nationell patientenkät (SKR)',
    targets: [
      { year: 2023, value: 85, amber: 79 },
      { year: 2024, value: 86, amber: 80 },
      { year: 2025, value: 87, amber: 81 },
      { year: 2026, value: 88, amber: 82 },
    ],
  },
  {
    code: 'CARIES-FREE-6',
    name: 'Kariesfria 6-åringar',
    definition: 'Andel undersökta 6-åringar utan karies (deft = 0).',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    serviceArea: 'DENTAL_CARE',
    goal: 'M3',
    source: 'Tandvårdens journalsystem, årlig sammanställning',
    targets: [
      { year: 2023, value: 79, amber: 71 },
      { year: 2024, value: 80, amber: 72 },
      { year: 2025, value: 81, amber: 73 },
      { year: 2026, value: 82, amber: 74 },
    ],
  },
  {
    code: 'DENTAL-RECALL',
    name: 'Revision inom rekommenderat intervall',
    definition: 'Andel listade barn och unga vuxna som undersökts inom det revisionsintervall som deras riskbedömning anger.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    serviceArea: 'DENTAL_CARE',
    goal: 'M1',
    source: 'Tandvårdens journalsystem',
    targets: [
      { year: 2023, value: 95, amber: 85 },
      { year: 2024, value: 95, amber: 85 },
      { year: 2025, value: 95, amber: 85 },
      { year: 2026, value: 95, amber: 88 },
    ],
  },
  {
    code: 'LICENSE-CHECK',
    name: 'Kontrollerad legitimation',
    definition: 'Andel legitimerad personal vars legitimation kontrollerats mot HOSP under året.',
    unit: 'PERCENT',
    direction: 'HIGHER_IS_BETTER',
    serviceArea: 'ALL',
    goal: 'M4',
    source: 'Utförarens egenkontroll',
    targets: [
      { year: 2023, value: 100, amber: 95 },
      { year: 2024, value: 100, amber: 95 },
      { year: 2025, value: 100, amber: 95 },
      { year: 2026, value: 100, amber: 95 },
    ],
  },
  {
    code: 'CO2-TRAVEL',
    name: 'Koldioxidutsläpp från tjänsteresor',
    definition: 'Kilo koldioxid från tjänsteresor per årsarbetare och år.',
    unit: 'INDEX',
    direction: 'LOWER_IS_BETTER',
    serviceArea: 'ALL',
    goal: 'M5',
    source: 'Utförarens reseredovisning',
    targets: [
      { year: 2023, value: 440, amber: 550 },
      { year: 2024, value: 400, amber: 500 },
      { year: 2025, value: 360, amber: 450 },
      { year: 2026, value: 320, amber: 400 },
    ],
  },
] as const;

/** Demo users, created only with the demo data. All have the password below. */
export const DEMO_PASSWORD = 'insyn-demo';
export const demoUsers = [
  { email: 'admin@insyn.example', name: 'Anna Administratör', roles: ['ADMIN'], provider: null },
  { email: 'reviewer@insyn.example', name: 'Rasmus Granskare', roles: ['REVIEWER'], provider: null },
  { email: 'auditor@insyn.example', name: 'Agnes Revisor', roles: ['AUDITOR'], provider: null },
  { email: 'analyst@insyn.example', name: 'Ali Analytiker', roles: ['ANALYST'], provider: null },
  { email: 'provider.private@insyn.example', name: 'Petra Privat', roles: ['PROVIDER'], provider: 'private-multi' },
  { email: 'provider.inhouse@insyn.example', name: 'Ingrid Egenregi', roles: ['PROVIDER'], provider: 'inhouse-primary' },
] as const;
