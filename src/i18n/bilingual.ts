/**
 * One group of messages in both languages, Indonesian first. The English
 * half must have exactly the shape of the Indonesian one (same keys, same
 * parameters), so a message cannot exist in one language only.
 */
export function bilingual<T>(messages: { id: T; en: NoInfer<T> }): { id: T; en: T } {
  return messages;
}
