/**
 * A comment as its author wrote it: plain text, line breaks kept (white-space: pre-wrap). Never
 * HTML: whatever the text holds (<script>, <img onerror>) is shown as the characters it is.
 */
export function CommentBody({ body, className = 'comment__body' }: { body: string; className?: string }) {
  return <p className={className}>{body}</p>;
}
