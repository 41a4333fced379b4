/** Why a fake chat call failed: a code to branch on and a message that says what and where. */
export type FakeChatErrorCode = 'CORRUPT_CHAT_FILE' | 'UNKNOWN_CONVERSATION' | 'INVALID_INPUT' | 'CHAT_CLOSED';

/** The one error the fake chat throws. */
export class FakeChatError extends Error {
  override readonly name = 'FakeChatError';

  constructor(readonly code: FakeChatErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
