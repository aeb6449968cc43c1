import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { loadNamespace } from '../../app/i18n';
import { gqlError, renderPage, type Operation } from '../../test/render';
import InsightRequestPage from './InsightRequestPage';
import InsightStatusPage from './InsightStatusPage';
import { tidyTrackingCode, validateInsightForm } from './insightForm';

/** The page once its texts are loaded (it loads them itself, suspending, as in the app). */
function WithTexts({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void Promise.all((['public/shared', 'public/insight', 'public/status'] as const).map((texts) => loadNamespace(i18n, texts, 'sv'))).then(() => setReady(true));
  }, [i18n]);
  return ready ? <>{children}</> : null;
}

const page = (element: ReactNode) => <WithTexts>{element}</WithTexts>;

const found = {
  __typename: 'PublicInsightRequest',
  reference: 'INS-2026-0007',
  subject: 'Väntetider',
  status: 'DECIDED',
  providerName: 'Hede Läkarhus AB',
  unitName: null,
  receivedAt: '2026-11-02T09:00:00.000Z',
  dueAt: '2026-11-16T23:00:00.000Z',
  decision: 'PARTLY_DISCLOSED',
  legalGround: 'OSL 31 kap. 16 §',
  appealNote: 'Du kan överklaga beslutet till kammarrätten inom tre veckor.',
  decisionText: 'Uppgifter om enskilda läkares scheman lämnas inte ut.',
  decidedAt: '2026-11-20T10:00:00.000Z',
  closedAt: null,
  events: [
    { __typename: 'PublicInsightEvent', kind: 'RECEIVED', at: '2026-11-02T09:00:00.000Z', note: null },
    { __typename: 'PublicInsightEvent', kind: 'FORWARDED', at: '2026-11-03T09:00:00.000Z', note: null },
    { __typename: 'PublicInsightEvent', kind: 'DECIDED', at: '2026-11-20T10:00:00.000Z', note: null },
  ],
};

describe('insight request status by tracking code', () => {
  it('asks for the code, tidies what was typed, and shows status, timeline, decision and how to appeal', async () => {
    const calls: Operation[] = [];
    const { container } = await renderPage(page(<InsightStatusPage />), {
      path: '/insyn/status',
      url: '/insyn/status',
      handler: (op) => {
        calls.push(op);
        return op.variables['trackingCode'] === '7K2QD-9XH4M-R3T8B-W6N1P' ? { data: { insightRequestStatus: found } } : { data: { insightRequestStatus: null } };
      },
    });
    const field = await screen.findByLabelText('Spårningskod');
    const submit = screen.getByRole('button', { name: 'Visa status' });

    await act(async () => fireEvent.click(submit));
    expect(await screen.findByTestId('error-summary')).toBeTruthy();
    expect(screen.getByTestId('error-summary').textContent).toContain('Skriv spårningskoden.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.operationName === 'InsightRequestStatus')).toHaveLength(0);

    fireEvent.change(field, { target: { value: 'nope nope' } });
    await act(async () => fireEvent.click(submit));
    await waitFor(() => expect(screen.getByTestId('error-summary').textContent).toContain('Vi hittar ingen begäran'));

    fireEvent.change(field, { target: { value: '  7k2qd 9xh4m r3t8b w6n1p ' } });
    await act(async () => fireEvent.click(submit));
    const status = await screen.findByTestId('insight-status');
    expect(calls.at(-1)?.variables['trackingCode']).toBe('7K2QD-9XH4M-R3T8B-W6N1P');
    expect(status.textContent).toContain('Ärende INS-2026-0007');
    expect(screen.getByTestId('insight-status-value').textContent).toBe('Beslut fattat');
    expect(screen.getByTestId('insight-timeline').querySelectorAll('li')).toHaveLength(3);
    expect(screen.getByTestId('insight-decision').textContent).toContain('Uppgifterna lämnas delvis ut');
    expect(screen.getByTestId('insight-decision').textContent).toContain('OSL 31 kap. 16 §');
    expect(screen.getByTestId('insight-decision').textContent).toContain('kammarrätten');
    expect(screen.queryByTestId('error-summary')).toBeNull();
    expect(container.querySelector('[aria-current="step"]')?.textContent).toContain('Beslut fattat');
  });
});

describe('insight request form', () => {
  const choices = {
    data: {
      publicUnits: [
        { __typename: 'PublicUnit', id: 'u1', name: 'Hede hälsocentral', providerId: 'p1', providerName: 'Hede Läkarhus AB', municipality: { __typename: 'Municipality', code: '2361', name: 'Härjedalen' } },
      ],
    },
  };

  async function fill() {
    fireEvent.change(await screen.findByLabelText('Ämne'), { target: { value: 'Väntetider' } });
    fireEvent.change(screen.getByLabelText('Vilka uppgifter vill du ta del av?'), { target: { value: 'Statistik över väntetider.' } });
  }

  it('checks the fields first, places the server’s messages at their fields, and handles the rate limit', async () => {
    let answer: 'bad' | 'limited' | 'ok' = 'bad';
    const sent: Operation[] = [];
    await renderPage(page(<InsightRequestPage />), {
      path: '/insyn',
      url: '/insyn',
      handler: (op) => {
        if (op.operationName === 'InsightChoices') return choices;
        sent.push(op);
        if (answer === 'bad') return gqlError('BAD_USER_INPUT', { fields: [{ path: 'input.email', message: 'Enter a valid e-mail address' }] });
        if (answer === 'limited') return gqlError('RATE_LIMITED', { retryAfter: 1800 });
        return { data: { submitInsightRequest: { __typename: 'SubmittedInsightRequest', reference: 'INS-2026-0008', trackingCode: '7K2QD-9XH4M-R3T8B-W6N1P', receivedAt: '2026-12-04T10:00:00.000Z' } } };
      },
    });
    const submit = await screen.findByRole('button', { name: 'Skicka begäran' });
    await act(async () => fireEvent.click(submit));
    const summary = await screen.findByTestId('error-summary');
    expect(summary.textContent).toContain('Skriv ett ämne.');
    expect(summary.textContent).toContain('Beskriv vilka uppgifter du vill ta del av.');
    expect(sent).toHaveLength(0);

    await fill();
    fireEvent.change(screen.getByLabelText(/E-postadress/), { target: { value: 'a@b.se' } });
    await act(async () => fireEvent.click(submit));
    await waitFor(() => expect(screen.getByTestId('error-summary').textContent).toContain('Skriv en giltig e-postadress'));
    expect(screen.getByLabelText(/E-postadress/).getAttribute('aria-invalid')).toBe('true');
    expect(sent[0]?.variables['input']).toMatchObject({ subject: 'Väntetider', email: 'a@b.se', providerId: null, unitId: null, language: 'sv' });

    answer = 'limited';
    await act(async () => fireEvent.click(submit));
    await waitFor(() => expect(screen.getByTestId('error-summary').textContent).toContain('Vänta 30 minuter'));

    answer = 'ok';
    // Choosing the unit chooses its provider too.
    fireEvent.change(screen.getByLabelText(/^Enhet/), { target: { value: 'u1' } });
    expect((screen.getByLabelText(/^Utförare/) as HTMLSelectElement).value).toBe('p1');
    await act(async () => fireEvent.click(submit));
    const receipt = await screen.findByTestId('insight-receipt');
    expect(sent.at(-1)?.variables['input']).toMatchObject({ providerId: 'p1', unitId: 'u1' });
    expect(screen.getByTestId('insight-tracking-code').textContent).toBe('7K2QD-9XH4M-R3T8B-W6N1P');
    expect(receipt.textContent).toContain('INS-2026-0008');
    expect(receipt.textContent).toContain('Spara spårningskoden');
    expect(receipt.textContent).toContain('a@b.se');
  });
});

describe('insight form helpers', () => {
  it('validate lengths and the address, and tidy a typed code', async () => {
    const t = ((key: string, o?: { max?: number }) => (o?.max ? `${key}:${o.max}` : key)) as never;
    expect(validateInsightForm({ subject: 'x'.repeat(201), description: ' ', providerId: '', unitId: '', email: 'nope' }, t).fields).toEqual({
      subject: { text: 'insight.errors.subjectTooLong:200' },
      description: { text: 'insight.errors.descriptionMissing' },
      email: { text: 'insight.errors.emailInvalid' },
    });
    expect(validateInsightForm({ subject: 'a', description: 'b', providerId: '', unitId: '', email: '' }, t).fields).toEqual({});
    expect(tidyTrackingCode(' 7k2qd 9xh4m--r3t8b w6n1p ')).toBe('7K2QD-9XH4M-R3T8B-W6N1P');
  });
});
