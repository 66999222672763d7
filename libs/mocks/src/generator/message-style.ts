import type { MessageStatus, SenderType } from '@parley/model';
import type { ChannelKind } from './directory.js';
import { WeightedChoice } from './weighted-choice.js';

/** How messages look on one kind of channel: their `type` and delivery `status`. */
export interface MessageStyle {
  readonly incomingType: WeightedChoice<string>;
  readonly agentType: WeightedChoice<string>;
  readonly botType: WeightedChoice<string>;
  readonly automationType: WeightedChoice<string>;
  readonly incomingStatus: WeightedChoice<MessageStatus>;
  readonly outgoingStatus: WeightedChoice<MessageStatus>;
}

// An incoming message is "read" once an agent opened it; the few "delivered" ones were never opened.
const incomingStatus = new WeightedChoice<MessageStatus>([
  ['read', 93],
  ['delivered', 7],
]);

const singleType = (type: string): WeightedChoice<string> => new WeightedChoice([[type, 1]]);

const chatStyle: MessageStyle = {
  incomingType: new WeightedChoice([
    ['text', 84],
    ['image', 8],
    ['audio', 4],
    ['file', 2],
    ['location', 1],
    ['video', 1],
  ]),
  agentType: new WeightedChoice([
    ['text', 90],
    ['image', 4],
    ['file', 4],
    ['template', 2],
  ]),
  botType: new WeightedChoice([
    ['text', 60],
    ['interactive', 40],
  ]),
  automationType: new WeightedChoice([
    ['template', 60],
    ['text', 40],
  ]),
  incomingStatus,
  outgoingStatus: new WeightedChoice<MessageStatus>([
    ['read', 64],
    ['delivered', 26],
    ['sent', 7],
    ['failed', 3],
  ]),
};

// Email has no read receipts and no rich message types.
const emailStyle: MessageStyle = {
  incomingType: singleType('email'),
  agentType: singleType('email'),
  botType: singleType('email'),
  automationType: singleType('email'),
  incomingStatus,
  outgoingStatus: new WeightedChoice<MessageStatus>([
    ['delivered', 80],
    ['sent', 18],
    ['failed', 2],
  ]),
};

// SMS: text only, delivery reports but no read receipts.
const smsStyle: MessageStyle = {
  incomingType: singleType('text'),
  agentType: singleType('text'),
  botType: singleType('text'),
  automationType: singleType('text'),
  incomingStatus,
  outgoingStatus: new WeightedChoice<MessageStatus>([
    ['delivered', 88],
    ['sent', 9],
    ['failed', 3],
  ]),
};

export function messageStyleOf(kind: ChannelKind): MessageStyle {
  return kind === 'email' ? emailStyle : kind === 'sms' ? smsStyle : chatStyle;
}

/** The `type` table of an outgoing message by who sent it. */
export function outgoingTypeChoice(style: MessageStyle, senderType: SenderType): WeightedChoice<string> {
  if (senderType === 'user' || senderType === 'echo') return style.agentType;
  if (senderType === 'bot') return style.botType;
  return style.automationType;
}
