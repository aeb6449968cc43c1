import { orgNumberMessages, type OrgNumberProblem } from '@insyn/shared';

/**
 * The API writes its field messages in English. The forms show them in the UI language: each
 * known message has a text of its own in the "access" namespace (serverMessage.*); an unknown
 * message is shown as it came, marked as English.
 */
export const KNOWN_SERVER_MESSAGES: Record<string, string> = {
  'E-mail address is too long': 'tooLong',
  'Enter a valid e-mail address': 'emailInvalid',
  'The password is too long': 'tooLong',
  'The name is too long': 'tooLong',
  'Too long': 'tooLong',
  'Choose at least one role': 'rolesMissing',
  'Not a valid id': 'invalidChoice',
  'A provider user must belong to a provider': 'providerRequired',
  'Only provider users belong to a provider': 'providerNotAllowed',
  'A user with this e-mail address already exists': 'emailTaken',
  'No such provider': 'invalidChoice',
  'No such user': 'invalidChoice',
  'No such active user': 'invalidChoice',
  'No such municipality': 'municipalityMissing',
  'No such choice system': 'invalidChoice',
  'No such goal': 'invalidChoice',
  'The current password is wrong': 'currentPasswordWrong',
  'Choose a password different from the current one': 'passwordSame',
  'You cannot remove your own administrator rights or deactivate yourself': 'selfLockout',
  'The expiry must be in the future': 'expiryPast',
  'You already have an active token with this name': 'tokenNameTaken',
  'An HSA-id looks like SE2321000214-E123': 'hsaIdFormat',
  'A postcode has five digits, e.g. 831 30': 'postalCodeFormat',
  'Choose a municipality': 'municipalityMissing',
  'Enter a date as YYYY-MM-DD': 'dateFormat',
  'Use capital letters, digits and _ (e.g. HALSOVAL)': 'choiceSystemCodeFormat',
  'A provider with this organisation number already exists': 'orgNumberTaken',
  'The provider already has a unit with this name': 'unitNameTaken',
  'Another unit has this HSA-id': 'hsaIdTaken',
  'Another agreement has this reference': 'referenceTaken',
  'The end date must not be before the start date': 'endBeforeStart',
  'A LOV agreement belongs to a choice system': 'lovNeedsChoiceSystem',
  "Choose units of the agreement's own provider": 'unitsOfOwnProvider',
  'Another choice system has this code': 'choiceSystemCodeTaken',
  'Say why the LOF agreement is outside the program': 'lofReasonMissing',
  'A unit does not move to another provider': 'cannotMove',
  'An agreement does not move to another provider': 'cannotMove',
  'Enter a year from 2000': 'yearTooEarly',
  'Enter a year up to 2100': 'yearTooLate',
  'The term cannot end before it starts': 'termEndBeforeStart',
  'Two goals have this code': 'goalCodeDuplicate',
  'Two guidelines have this code': 'guidelineCodeDuplicate',
  'No goal has this code': 'noSuchGoalCode',
  'Use capital letters, digits, - and _ (e.g. TEL-SAMEDAY)': 'indicatorCodeFormat',
  'Another indicator has this code': 'indicatorCodeTaken',
  'This goal is not part of the program': 'notInProgram',
  'This guideline is not part of the program': 'notInProgram',
  'An adopted program is not edited in place: draft a new version': 'adoptedNotEditable',
  'Only a draft is adopted': 'onlyDraftAdopted',
  'A program version with this decision reference exists': 'programVersionExists',
  'Higher is better: the amber threshold must not be above the target': 'amberAboveTarget',
  'Lower is better: the amber threshold must not be below the target': 'amberBelowTarget',
  // Follow-up rounds
  'Write the period as 2025, 2025-T2, 2025-H1, 2025-Q3 or 2025-M04': 'periodFormat',
  'Choose a template': 'templateMissing',
  'No such template': 'invalidChoice',
  'Choose a published template version': 'templateNotPublished',
  'LOF agreements are never followed up under the program': 'lofNotInScope',
  'Choose at least one agreement form': 'agreementFormsMissing',
  'The due date must be after the opening date': 'dueBeforeOpen',
  'The round is closed': 'roundClosed',
  // Report templates
  'Use letters, digits, . - and _ (e.g. 1.3)': 'questionCodeFormat',
  'Keys are lower case: a-z, 0-9 and -': 'optionKeyFormat',
  'Add at least one option': 'optionsMissing',
  'Only choice questions have options': 'optionsNotAllowed',
  'Two options have this key': 'optionKeyDuplicate',
  'The maximum is below the minimum': 'maxBelowMin',
  'Choose the indicator the value is for': 'indicatorMissing',
  'Add at least one section': 'sectionsMissing',
  'Two questions have this code': 'questionCodeDuplicate',
  'A published template is frozen: make a new version to change it': 'templateFrozen',
  'Only a draft is published': 'onlyDraftPublished',
  'Add questions before publishing': 'questionsMissing',
  'A question links to a goal that does not exist': 'invalidChoice',
  'A question links to a guideline that does not exist': 'invalidChoice',
  'A question links to an indicator that does not exist': 'invalidChoice',
  // The last-resort register
  'Another obligation for this municipality and choice system is valid then': 'obligationOverlap',
  'Choose a unit in the municipality': 'holderOutsideMunicipality',
  'Between 1 and 7 days': 'openingDaysRange',
  'Its units have VAT compensation in their economics: correct the economics before making it in-house': 'ownershipVatEconomics',
  'Its units have a full cost in their economics: correct the economics before making it other than in-house': 'ownershipFullCostEconomics',
};

export const SERVER_MESSAGE_PATTERNS: [RegExp, string, (m: RegExpExecArray) => Record<string, string>][] = [
  [/^The password must have at least (\d+) characters$/, 'passwordTooShort', (m) => ({ min: m[1]! })],
  [/^Indicators measure a goal you removed: (.+)$/, 'goalInUse', (m) => ({ codes: m[1]! })],
  [/^The target for (\d{4}) does not fit this direction/, 'directionConflict', (m) => ({ year: m[1]! })],
  [/^Not a (section|question) of this draft/, 'notInProgram', () => ({})],
  [/^The same (section|question) twice$/, 'notInProgram', () => ({})],
  [/ is too long$/, 'tooLong', () => ({})],
  [/^Enter /, 'required', () => ({})],
  [/^(Invalid|Too small|Too big|Expected)/, 'invalidValue', () => ({})],
];

export interface MessageKey {
  /** A key of the "access" namespace, or of the default one for organisation numbers. */
  key: string;
  ns: 'access' | 'translation';
  values?: Record<string, string>;
}

/** The text key for a server message, or null when the message is not known. */
export function serverMessageKey(message: string): MessageKey | null {
  const orgProblem = (Object.keys(orgNumberMessages) as OrgNumberProblem[]).find((p) => orgNumberMessages[p].en === message);
  if (orgProblem) return { key: `orgNumber.${orgProblem}`, ns: 'translation' };
  const known = KNOWN_SERVER_MESSAGES[message];
  if (known) return { key: `serverMessage.${known}`, ns: 'access' };
  for (const [pattern, key, values] of SERVER_MESSAGE_PATTERNS) {
    const m = pattern.exec(message);
    if (m) return { key: `serverMessage.${key}`, ns: 'access', values: values(m) };
  }
  return null;
}
