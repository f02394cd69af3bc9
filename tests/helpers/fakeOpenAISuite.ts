/** A describe block's fake OpenAI-compatible server (tests/helpers/fakeOpenAI.ts), with a clean request log for every test. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from './fakeOpenAI.js';
import { lateBound } from './lateBound.js';

/** Starts the server in beforeAll and closes it in afterAll; its `requests` are emptied before each test. */
export function useFakeOpenAI(): FakeOpenAI {
  let fake: FakeOpenAI | undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    if (fake) fake.requests.length = 0;
  });
  return lateBound('the fake OpenAI server', () => fake);
}
