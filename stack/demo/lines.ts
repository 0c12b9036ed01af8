// What the agent and the candidates say, as templates with {placeholders}. Trade-specific lines
// (qualifications, vans) live with the campaigns; these work for every trade.

export const AGENT_NAME = 'Emma';
export const AGENCY = 'Northpoint Recruitment';

export type Vars = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown name is a bug in the templates, so it throws. */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`no value for {${key}} in "${template}"`);
    return String(value);
  });
}

export const SYSTEM_PROMPT =
  'You are {agentName}, a friendly recruiter at {agency}. Campaign: {campaign}. Qualify the candidate (qualifications, right to work, day rate, availability) and book a call with the site manager. Keep messages short, warm and in British English. If they ask you to stop, stop.';

export const LINES = {
  intro: [
    "Hi {first}, it's {agentName} from {agency} 👋 We've got {work} work on a {project} in {area}, starting {start}. £{rate}/day CIS. Are you currently looking?",
    'Hello {first}, {agentName} here from {agency}. I came across your CV on {board} – we need {tradePlural} for a {project} in {area}. Would you be interested in hearing more?',
    'Hi {first}! Quick one – are you available for {work} work in {city}? It’s a {project}, {duration}, paying £{rate} a day.',
    "Hiya {first}, it's {agentName} at {agency}. We're recruiting {tradePlural} in {area} ({project}, £{rate}/day). Is this something you'd consider?",
  ],
  introAfterMissedCall: [
    "Hi {first}, it's {agentName} from {agency} – I just tried to give you a ring. We've got {work} work in {area} at £{rate}/day. Are you looking at the moment?",
    'Hi {first}, sorry I missed you on the phone! I was calling about a {trade} role on a {project} in {area}. Are you open to new work?',
  ],
  followUp: [
    'Hi {first}, just following up on my message about the {trade} role in {city} – let me know if you’re interested 🙂',
    'Hi {first}, are you still looking for work? The {area} job is still open.',
    "Hi {first}, last message from me on this one – the {area} role starts {start}. Reply YES if you'd like details.",
  ],
  nudge: [
    'Hi {first}, did you see my question above? 🙂',
    'Hi {first}, just bumping this up – no rush!',
  ],
  inboundOpen: [
    'Hi, saw your ad on {board} for {work} work, is it still going?',
    "Hello, a mate gave me this number, said you've got work for {tradePlural} in {city}?",
    'Hi there is the {trade} job in {area} still available',
  ],
  inboundReply: [
    "Hi! Thanks for getting in touch 😊 Yes, we've got {trade} roles in {city} at £{rate}/day. Can I take your name?",
    "Hello, thanks for your message. Yes we're still recruiting {tradePlural} around {city}. Who am I speaking to?",
  ],
  inboundName: ["It's {first} {last}", '{first}', '{first} {last}. {trade} 15 years'],
  inboundThanks: [
    'Thanks {first}! The job is a {project} in {area}, starting {start}.',
    'Lovely to meet you {first}. It’s a {project} in {area}, {duration}.',
  ],
  interested: [
    "Hi {agentName}, yes I'm still looking for work",
    "Yeah go on, what's the job?",
    'Depends where in {city} it is',
    'Yes interested. What are the hours?',
    'Hiya, yeah could be. Finishing a job end of this week',
    'yes',
    "Yeah I'm interested 👍",
    'Possibly, what’s the rate?',
    'Yes please send details',
    'Hi, who gave you my number? But yes I am looking',
  ],
  interestedAck: [
    "Great stuff! I've just got a few quick questions.",
    'Brilliant 🙌 Just a few questions so I can put you forward.',
    'Perfect, thanks {first}.',
  ],
  declined: [
    'Not right now thanks, got work till Christmas',
    "I'm sorted at the moment cheers",
    'Too far for me unfortunately',
    "I've gone self-employed now, thanks though",
  ],
  declinedAck: [
    'No problem at all {first}, thanks for letting me know. Can I keep your details on file for future roles?',
    'Totally understand. Best of luck with it and feel free to message if anything changes!',
  ],
  optOut: [
    'STOP',
    'Please remove my number',
    "Not interested, don't message me again",
    'stop messaging me',
    'Unsubscribe',
  ],
  optOutAck: [
    "No problem {first}, I've removed your number and you won't hear from us again. All the best.",
    "Sorry to bother you {first}. You've been unsubscribed and won't receive any more messages.",
  ],
  rightToWorkAsk: [
    "Do you have the right to work in the UK? We'll need to see a passport or share code before you start.",
    'Just need to check – are you eligible to work in the UK?',
  ],
  rightToWorkYes: [
    'Yes British citizen',
    "Yes I've got settled status, can send the share code",
    'Yes, British passport',
    'Yeah born and bred in {city} 😂',
    'Yes Irish passport',
  ],
  rightToWorkNo: [
    "I'm on a graduate visa, is that ok?",
    'My visa renewal is still being processed',
  ],
  rightToWorkNoAck: [
    "Thanks for being upfront. I'll check with our compliance team and come back to you.",
  ],
  dayRateAsk: [
    'The client is paying £{rate}/day through CIS, paid weekly. Does that work for you?',
    'What day rate are you looking for? The budget is around £{rate}/day.',
  ],
  dayRateYes: [
    "That's fine",
    '£{rate} is ok if it’s long term',
    'Yeah that works',
    'Sounds good to me',
  ],
  dayRateCounter: [
    'Was hoping for nearer £{rateUp} to be honest',
    'Could you do £{rateUp}?',
    'I’m on £{rateUp} at the minute',
  ],
  dayRateCounterAck: [
    "I'll ask – they've gone to £{rateUp} for experienced people before. Let's assume £{rateUp} for now.",
    'Leave it with me, I think £{rateUp} is doable for the right person.',
  ],
  availabilityAsk: [
    'When would you be available to start?',
    'Are you free to start {start}?',
    'What’s your availability like over the next couple of weeks?',
  ],
  availabilityYes: [
    '{start} works for me',
    'Can start {start}',
    "I'm free from {start}",
    'Finishing my current job Friday so {start} is fine',
  ],
  interviewAsk: [
    'Brilliant. Can I book you in for a quick call with the site manager, {manager}? He’s free {slotDay} at {slotTime}.',
    'Last step: a 10-minute call with {manager}, the site manager. Does {slotDay} at {slotTime} suit?',
  ],
  interviewYes: [
    "Yes that's fine",
    'Perfect',
    'Yep book me in',
    'Can we do after 4? I’m on site till then… actually no {slotTime} is fine',
  ],
  interviewBooked: [
    "You're booked in for {slotDay} at {slotTime} with {manager}. I'll send a reminder the day before 👍",
    'Done ✅ {manager} will call you {slotDay} at {slotTime}. Any problems just message me here.',
  ],
  thanks: ['Cheers {agentName}', 'Thanks 👍', 'Nice one, thanks', 'Thank you', '👍'],
  introPs: [
    'No pressure – just reply here when you get a chance 🙂',
    'Happy to answer any questions you have.',
    'Reply STOP if you’d rather not hear about roles like this.',
  ],
  aside: [
    'Been doing it 15 years',
    'Just finishing a job in {area} at the moment',
    'Got my own transport',
    'Can send my CV over if you want',
    "I've worked through agencies before so know the drill",
    'Mate of mine is looking too, can I pass your number on?',
  ],
  timesheetAsk: [
    'Who do I send my timesheet to?',
    'Quick one – how do I get my timesheet signed off?',
  ],
  timesheetReply: [
    "Just send a photo of it here every Friday by 12 and we'll do the rest 👍",
    'Get the supervisor to sign it Friday and send me a photo – pay goes out the following Friday.',
  ],
  checkIn: [
    "Hi {first}, how's the first week going on site?",
    'Hiya {first}! Just checking in – all good at {area}?',
  ],
  checkInReply: [
    'Good thanks, decent site',
    'All good, lads are sound',
    'Yeah not bad, bit of a trek in but fine',
    'Loving it, thanks for sorting',
  ],
  checkInAck: [
    'Great to hear! Shout if you need anything.',
    'Brilliant 🙌 {manager} is really pleased too.',
  ],
  okay: ['Ok', 'Ok cheers', 'Fair enough', 'Sound', 'Ah ok 👍', 'Makes sense'],
  recap: [
    'So to recap: {qual} ✅ right to work ✅ £{rate}/day ✅ start {start} ✅',
    "Thanks {first}, that's everything I need from you. Just one last thing…",
  ],
  ack: [
    'Perfect 👍',
    'Brilliant, thanks.',
    'Great stuff.',
    'Lovely, thanks {first}.',
    "That's great.",
    'Noted 👍',
  ],
  documentsAsk: [
    'Could you send a photo of your {qual} and your passport (or share code) so compliance can check them before you start?',
    'Before you start, compliance need a photo of your {qual} and proof of right to work. Could you send them over here?',
  ],
  documentsLater: ['Will do tonight', "I'm on site, will send them later", 'Yep give me 5 mins'],
  documentsSent: [
    'Sent',
    'Just sent them over',
    'Here you go, photos sent',
    'Sent to the email you gave me',
  ],
  documentsChecked: [
    'Got them, thanks {first} – all checked ✅',
    'Thanks! Compliance have signed them off ✅',
  ],
  induction: [
    'Induction is 7:30am {start} at the site office in {area}. Bring your {qual}, passport and PPE (boots, hi-vis, hard hat).',
    'All set for {start} 🙌 Report to the site office in {area} at 7:30 for induction. PPE and your {qual} please.',
  ],
  inductionReply: [
    'Got it, thanks',
    'Cheers, see you then',
    'Will do 👍',
    'Brilliant thanks for your help',
  ],
  reminder: [
    'Hi {first}, just a reminder of your call with {manager} tomorrow at {slotTime}. Still good?',
  ],
  reminderYes: ['Yep all good', 'Yes still fine', "Yes I'll be about"],
  afterInterview: [
    'Hi {first}, how did it go with {manager}?',
    'Hi {first}! {manager} said the call went well – how did you find it?',
  ],
  afterInterviewReply: [
    'Went well, he wants me to start {start}',
    'Good thanks, waiting to hear back',
    'Really good, starting {start} 🙌',
  ],
  notSuitable: [
    "Thanks {first}. Unfortunately the client needs {qual} for this one, but I'll keep your details on file and let you know when something comes up.",
    "Thanks for that {first}. This site is strict on {qual}, so I can't put you forward this time – I'll be in touch about other roles.",
  ],
  notSuitableReply: ['No worries, thanks', 'Fair enough', 'Ok cheers, keep me in mind'],
  callOffer: [
    'Would it be easier if I gave you a quick ring to go through the details?',
    'Have you got 5 minutes for a quick call? Easier than typing!',
  ],
  callOfferYes: ['Yeah go on', 'Give me 10 mins', 'Yes ring me now', 'Can do'],
  callMissed: [
    'Tried to call but no joy – no worries, we can do it on here.',
    'Looks like I missed you! Happy to carry on over WhatsApp.',
  ],
  afterCall: [
    'Thanks for the chat just now {first}. I’ve noted everything down.',
    'Lovely speaking to you {first}! Just to confirm in writing, everything we discussed is noted.',
  ],
  escalate: [
    'Can I speak to an actual person please?',
    'Is this a bot?',
    "I've got a question about my last contract with you, who do I speak to?",
  ],
  escalateAck: [
    "I'm {agency}'s assistant 🤖 I'll get one of the team to call you today.",
    "Good question – I'll pass this to a colleague who can help. Someone will be in touch shortly.",
  ],
  questions: [
    [
      'Is there parking on site?',
      "There's limited parking on site – most people get the train, {area} station is a 5 minute walk.",
    ],
    [
      'Do I need my own tools?',
      'Hand tools yes, power tools and access equipment are supplied on site.',
    ],
    ['How long is the job?', "It's {duration} initially, with a good chance of extension."],
    ['Is it CIS or PAYE?', "It's CIS, paid weekly every Friday."],
    [
      'What are the hours?',
      '7:30 till 4:30 Monday to Friday, Saturdays optional at time and a half.',
    ],
    [
      'Who’s the main contractor?',
      "I can't name them until you're booked in, but it's a tier 1 contractor with good H&S.",
    ],
    [
      'Is there any overtime?',
      'Usually yes, especially towards handover. Saturdays are paid at time and a half.',
    ],
  ] as readonly (readonly [string, string])[],
  boards: ['Indeed', 'Totaljobs', 'CV-Library', 'Reed', 'Facebook'],
  starts: [
    'Monday',
    'next Monday',
    'Tuesday',
    'next week',
    'the 1st',
    'Wednesday',
    'straight away',
    'in two weeks',
  ],
  durations: ['3 months', '6 months', '12 weeks', 'ongoing', '8 weeks'],
  slotDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'tomorrow'],
  slotTimes: ['9am', '10am', '11:30', '1pm', '2pm', '4:30pm', '5pm'],
} as const;

/** Spoken phrasing for calls (transcripts), where chat phrasing would sound wrong. */
export const CALL_LINES = {
  greet: ['Hi, is that {first}?', 'Hello, am I speaking with {first}?'],
  greetReply: ['Yeah speaking.', "Yes that's me.", 'Speaking, who is this?'],
  intro: [
    "Hi {first}, it's {agentName} from {agency}, I'm calling about the {trade} role in {area}. Is now still a good time?",
    "Great, it's {agentName} from {agency}. We messaged about the {project} in {area} – have you got a few minutes?",
  ],
  introReply: ['Yeah go on.', 'Yeah, I’m just on a break, go ahead.', 'Yes, fire away.'],
  close: [
    "Perfect, that's everything I need. I'll send the details over on WhatsApp. Thanks {first}!",
    "Lovely, thanks {first}. I'll message you the next steps shortly. Have a good day.",
  ],
  closeReply: ['Cheers, bye.', 'Thanks, speak soon.', 'Nice one, ta-ra.'],
  voicemail: [
    "Hi {first}, it's {agentName} from {agency} calling about {work} work in {area}. I'll drop you a WhatsApp – speak soon.",
    'Hi {first}, {agentName} here from {agency}. Give me a call back on this number when you get a chance, thanks.',
  ],
  confirmStart: [
    "Hi {first}, it's {agentName} from {agency}, just calling to confirm your start {start} at the {area} site.",
  ],
  confirmStartReply: [
    'Yes all sorted, I’ll be there for 7:30.',
    'Yep, got the induction details, thanks.',
  ],
  reminder: [
    "Hi {first}, it's {agentName} from {agency}. Just a quick reminder of your call with {manager} tomorrow at {slotTime}.",
  ],
  reminderReply: ['Yep, all good, thanks.', "Yes I've got it in the diary."],
} as const;
