// The words of the demo workspace: names, categories, tags, pages. Plain data, shared by every record
// that uses them (strings are immutable, so sharing them is safe even when the sink keeps records).

// prettier-ignore
export const firstNames = [
  'Amélie', 'Lucas', 'Chloé', 'Hugo', 'Léa', 'Nathan', 'Manon', 'Louis', 'Camille', 'Gabriel',
  'Inès', 'Arthur', 'Sarah', 'Jules', 'Emma', 'Adam', 'Zoé', 'Raphaël', 'Jade', 'Noah',
  'Olivia', 'Liam', 'Sofia', 'Mateo', 'Maya', 'Elias', 'Ana', 'Tomás', 'Yuki', 'Kenji',
  'Priya', 'Arjun', 'Fatima', 'Omar', 'Lena', 'Jonas', 'Aisha', 'Kwame', 'Chen', 'Mei',
  'Lucía', 'Diego', 'Nora', 'Erik', 'Ines', 'Marco', 'Giulia', 'Pedro', 'Marta', 'Ivan',
] as const;

// prettier-ignore
export const lastNames = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Müller', 'Schmidt', 'Rossi', 'Russo', 'Silva', 'Santos', 'Kowalski', 'Nowak', 'Jensen', 'Nielsen',
  'Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Tanaka', 'Sato', 'Kim', 'Park', 'Nguyen',
  'Okafor', 'Mensah', 'Haddad', 'Khan', 'Patel', 'Singh', 'Costa', 'Ferreira', 'Novak', 'Horvat',
] as const;

export const teamNames = ['Sales', 'Customer Support', 'Billing', 'Onboarding', 'Key Accounts', 'After-sales'] as const;

/** Closing-note categories, each with the summaries an agent might write. */
export const categorySummaries = {
  'Order status': [
    'Customer asked where the order is; shared the tracking link.',
    'Delivery delayed by the carrier; new date confirmed.',
    'Order confirmed and shipping address corrected.',
  ],
  'Product question': [
    'Explained the difference between the two plans.',
    'Sent the size guide and availability.',
    'Answered compatibility questions; customer will order.',
  ],
  Billing: [
    'Invoice resent with the company details.',
    'Double charge refunded.',
    'Payment method updated.',
  ],
  'Technical issue': [
    'Reset the account password.',
    'Bug reproduced and escalated to the product team.',
    'Walked the customer through the app settings.',
  ],
  Returns: [
    'Return label sent.',
    'Exchange for another size arranged.',
    'Refund issued after the return arrived.',
  ],
  Feedback: ['Customer praised the delivery speed.', 'Complaint about packaging logged.'],
  Spam: ['Unsolicited advertising.'],
} as const;
export type Category = keyof typeof categorySummaries;

export const conversationTags = ['urgent', 'vip', 'follow-up', 'new-lead', 'complaint', 'refund', 'order', 'pricing'] as const;

export const contactTags = ['customer', 'lead', 'vip', 'newsletter', 'wholesale', 'partner'] as const;

export const webchatPageUrls = [
  'https://shop.example.com/',
  'https://shop.example.com/pricing',
  'https://shop.example.com/checkout',
  'https://shop.example.com/help/returns',
  'https://shop.example.com/products/travel-backpack',
  'https://shop.example.com/account/orders',
] as const;

export const webchatChatflowIds = ['cf-welcome', 'cf-pricing', 'cf-order-status', 'cf-returns'] as const;

export const emailInboxIds = ['inbox-support', 'inbox-sales', 'inbox-billing'] as const;

export const csatComments = {
  low: ['Took far too long to get an answer.', 'My problem is still not solved.', 'Nobody read my messages properly.'],
  middle: ['OK in the end, but slow.', 'Answer was fine, a bit generic.'],
  high: ['Quick and friendly, thank you!', 'Solved in minutes.', 'Great service as always.', 'Very helpful agent.'],
} as const;
