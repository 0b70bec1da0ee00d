import { describe, expect, it } from 'vitest';
import { parseIntent, searchTermQuestion } from '../../src/bot/builtin/intent.js';

const kindOf = (text: string) => parseIntent(text, []).kind;

describe('the built-in bot reads plain phrasing', () => {
  it.each([
    ['help', 'help'],
    ['/help', 'help'],
    ['What can you do?', 'help'],
    ['who is online?', 'online'],
    ["Who's here", 'online'],
    ['anyone around?', 'online'],
    ['everyone', 'everyone'],
    ['people', 'everyone'],
    ['list all users', 'everyone'],
    ['my unread', 'unread'],
    ['What did I miss?', 'unread'],
    ['catch me up', 'unread'],
    ['groups', 'groups'],
    ['which groups am I in', 'groups'],
    ['time', 'time'],
    ['date', 'time'],
    ['what time is it?', 'time'],
    ['Hi', 'greeting'],
    ['hello there!', 'greeting'],
    ['good morning', 'greeting'],
    ['thanks!', 'thanks'],
    ['Thank you so much', 'thanks'],
    ['how are you?', 'how-are-you'],
    ['banana pancakes', 'unknown'],
    ['   ', 'unknown'],
  ])('"%s" is understood as %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it.each([
    ['find lunch', 'lunch'],
    ['search for Quarterly Report', 'Quarterly Report'],
    ['messages about "deploy"?', 'deploy'],
    ['who mentioned the budget', 'the budget'],
    ['anything about pizza', 'pizza'],
    ['find formal', 'formal'],
    ['find help', 'help'],
    ['find release\n  notes', 'release notes'],
  ])('"%s" searches for "%s"', (text, term) => {
    expect(parseIntent(text, [])).toEqual({ kind: 'search', term });
  });

  it('"find out" is a phrase, not a search', () => {
    expect(kindOf('find out who is online')).toBe('online');
  });

  it('a command wins over a greeting in the same message', () => {
    expect(kindOf('hi, who is online?')).toBe('online');
  });

  it('"find" without a word asks what to search for', () => {
    expect(kindOf('find')).toBe('ask-search-term');
  });

  it('the answer to "what should I search for?" is searched for', () => {
    const history = [
      { isUser: true, text: 'search', at: new Date(0) },
      { isUser: false, text: searchTermQuestion, at: new Date(0) },
    ];
    expect(parseIntent('roadmap', history)).toEqual({ kind: 'search', term: 'roadmap' });
  });

  it('an unknown word after any other bot reply is not searched for', () => {
    const history = [{ isUser: false, text: 'Hello Ada!', at: new Date(0) }];
    expect(parseIntent('roadmap', history).kind).toBe('unknown');
  });
});
