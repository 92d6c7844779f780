import type { Article, Extractor, Findings } from '../findings.js';
import { answerToFindings, LlmAnswerError, parseAnswer } from './answer.js';
import { SYSTEM_PROMPT } from './prompt.js';

export interface LlmSettings {
  /** Base URL of an OpenAI-compatible API (…/v1) or its chat completions URL. */
  url: string;
  model: string;
  key?: string;
  timeoutMs?: number;
}

export { LlmAnswerError };

/** The language-model extractor from DRAFT_LLM_URL, DRAFT_LLM_MODEL and DRAFT_LLM_KEY, or what is missing. */
export function extractorFromEnv(env: NodeJS.ProcessEnv = process.env): Extractor | string {
  const url = env.DRAFT_LLM_URL?.trim();
  const model = env.DRAFT_LLM_MODEL?.trim();
  if (!url || !model) return 'the language-model extractor needs DRAFT_LLM_URL (an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1) and DRAFT_LLM_MODEL; DRAFT_LLM_KEY is optional';
  if (!/^https?:\/\//.test(url)) return `DRAFT_LLM_URL "${url}" is not an http(s) URL`;
  const timeout = Number(env.DRAFT_LLM_TIMEOUT_MS ?? 60_000);
  return llmExtractor({ url, model, key: env.DRAFT_LLM_KEY?.trim() || undefined, timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 60_000 });
}

const completionsUrl = (url: string) => (/\/chat\/completions\/?$/.test(url) ? url : `${url.replace(/\/+$/, '')}/chat/completions`);

/**
 * Asks an OpenAI-compatible chat endpoint for the findings as JSON. Its answer goes through
 * the same verification as the offline extractor's: a quote not in the text is dropped.
 */
export function llmExtractor(settings: LlmSettings): Extractor {
  return {
    name: `llm (${settings.model})`,
    async extract(article: Article): Promise<Findings> {
      const response = await fetch(completionsUrl(settings.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(settings.key ? { authorization: `Bearer ${settings.key}` } : {}) },
        body: JSON.stringify({
          model: settings.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: `${article.published ? `The article's date: ${article.published}\n\n` : ''}${article.text}` },
          ],
        }),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 60_000),
      }).catch((error: unknown) => {
        throw new LlmAnswerError(`the language model at ${settings.url} did not answer: ${(error as Error).message}`);
      });
      if (!response.ok) throw new LlmAnswerError(`the language model at ${settings.url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      let body: { choices?: { message?: { content?: unknown } }[] };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw new LlmAnswerError('the language model\'s response is not JSON: is DRAFT_LLM_URL an OpenAI-compatible API?');
      }
      return answerToFindings(article.text, parseAnswer(body.choices?.[0]?.message?.content));
    },
  };
}
