import { describe, expect, it } from 'vitest';
import { catalogueEntry } from '../../../src/protocols/registry.ts';
import { controlsText } from '../../../src/ui/i18n/controlsText.ts';
import { replyText } from '../../../src/ui/i18n/replyText.ts';
import { FAULT_REPLIES } from '../../../src/ui/lab/faultReplies.ts';

describe('the fault panel’s replies', () => {
  it('are the SMTP catalogue’s fault replies with a code, transient then permanent', () => {
    expect(FAULT_REPLIES.map((r) => [r.code, r.id])).toEqual([
      [421, 'smtp.fault.unavailable'],
      [450, 'smtp.fault.mailboxBusy'],
      [451, 'smtp.fault.localError'],
      [452, 'smtp.fault.insufficientStorage'],
      [550, 'smtp.fault.mailboxUnavailable'],
      [552, 'smtp.fault.storageExceeded'],
      [554, 'smtp.fault.transactionFailed'],
    ]);
    for (const r of FAULT_REPLIES) expect(catalogueEntry(r.id)?.code).toBe(r.code);
  });

  it('leave out fault.chosen, which has no code of its own', () => {
    expect(catalogueEntry('smtp.fault.chosen')).toEqual({ id: 'smtp.fault.chosen' });
    expect(FAULT_REPLIES.map((r) => r.id)).not.toContain('smtp.fault.chosen');
  });

  it('each have a short name in the panel and an explanation for students, in every language', () => {
    for (const language of ['en', 'ko'] as const) {
      const names = controlsText[language].faults.replies;
      expect(Object.keys(names).sort()).toEqual(FAULT_REPLIES.map((r) => r.id).sort());
      for (const r of FAULT_REPLIES) {
        expect(names[r.id].length, `${r.id} in ${language}`).toBeGreaterThan(5);
        expect(replyText[language][r.id].meaning.length, `${r.id} in ${language}`).toBeGreaterThan(5);
      }
    }
  });
});
