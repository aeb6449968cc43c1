import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { CommentBody } from './CommentBody';

describe('a comment as plain text', () => {
  it('shows markup as the characters it is, and keeps the line breaks', () => {
    const body = 'Rad ett\n<script>window.hacked = true</script>\n<img src=x onerror="window.hacked = true"> <b>fet</b>';
    const { container } = render(<CommentBody body={body} />);
    const p = container.querySelector('p')!;
    expect(p.textContent).toBe(body);
    expect(p.className).toBe('comment__body');
    // Nothing of it became an element.
    expect(container.querySelector('script, img, b')).toBeNull();
    expect(p.children).toHaveLength(0);
    expect(p.innerHTML).toContain('&lt;script&gt;');
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
  });
});
