import { encode } from 'uqr';
import { recordLabCompleted } from '@/lib/progress/model';
import { progressErrors } from '@/lib/progress/errors';
import { emptyProgress } from '@/lib/progress/schema';
import { decodeTransfer, encodeTransfer, transferLimitChars, transferLink, transferPayload } from '@/lib/progress/transfer';

const now = Date.UTC(2026, 11, 2);

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('moving progress to another device by link', () => {
  it('round-trips the progress through a URL-safe payload in the link’s fragment', async () => {
    const progress = recordLabCompleted(recordLabCompleted(emptyProgress(), 'node-failure', now), 'pending-pod', now);
    const payload = await encodeTransfer(progress, now);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    const link = transferLink('https://example.test/quiz', payload);
    expect(transferPayload(new URL(link).hash)).toBe(payload);
    const back = await decodeTransfer(payload, now);
    expect('progress' in back && Object.keys(back.progress.labs).sort()).toEqual(['node-failure', 'pending-pod']);
  });

  it('a link for a fresh reader fits a QR code with room to spare', async () => {
    const link = transferLink('https://example.test/quiz', await encodeTransfer(emptyProgress(), now));
    const qr = encode(link, { ecc: 'L' });
    expect(qr.version).toBeLessThanOrEqual(10);
  });

  it('refuses a damaged, cut or oversized payload with a message, never a throw', async () => {
    const payload = await encodeTransfer(emptyProgress(), now);
    await expect(decodeTransfer(payload.slice(0, payload.length / 2), now)).resolves.toEqual({ error: progressErrors.transferDamaged });
    await expect(decodeTransfer('not base64!', now)).resolves.toEqual({ error: progressErrors.transferDamaged });
    await expect(decodeTransfer('A'.repeat(transferLimitChars + 1), now)).resolves.toEqual({ error: progressErrors.transferTooLarge });
  });

  it('applies the file import’s checks: not progress, or a newer version, changes nothing', async () => {
    await expect(decodeTransfer(await deflate('{"hello":1}'), now)).resolves.toEqual({ error: progressErrors.importNotProgress });
    const newer = JSON.stringify({ format: 'clusterbook-progress', version: 99, exportedAt: '2026-12-02T00:00:00.000Z', progress: {} });
    const result = await decodeTransfer(await deflate(newer), now);
    expect('error' in result && result.error).toMatch(/newer version/);
  });

  it('stops inflating a small payload that would grow past the import limit', async () => {
    const bomb = await deflate(' '.repeat(6_000_000));
    expect(bomb.length).toBeLessThan(transferLimitChars);
    await expect(decodeTransfer(bomb, now)).resolves.toEqual({ error: progressErrors.transferDamaged });
  });
});
