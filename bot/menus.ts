/** The command menus Telegram shows, in the resident's language. */
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Language } from '../kernel/language.js';
import type { Logger } from '../kernel/logger.js';
import { t } from '../i18n/index.js';

const COMMANDS = ['start', 'status', 'withdraw', 'language', 'privacy', 'help'] as const;

/** The menu in one language, as setMyCommands wants it. */
export function commandMenu(lang: Language): BotCommand[] {
  return COMMANDS.map((command) => ({ command, description: t(lang, `bot.command.${command}`) }));
}

export interface Menus {
  /** The command menus: '' (default) and 'zh' → 简体, 'en' → English. */
  setCommands(): Promise<void>;
  /** Command menu for one private chat in its saved language (how 繁體 users get their menu). */
  setChatCommands(chatId: number, lang: Language): Promise<void>;
}

export function createMenus(telegram: Telegram, log: Logger): Menus {
  return {
    async setCommands() {
      await telegram.setMyCommands(commandMenu('zh-Hans'));
      await telegram.setMyCommands(commandMenu('zh-Hans'), { language_code: 'zh' });
      await telegram.setMyCommands(commandMenu('en'), { language_code: 'en' });
    },
    async setChatCommands(chatId, lang) {
      try {
        await telegram.setMyCommands(commandMenu(lang), { scope: { type: 'chat', chat_id: chatId } });
      } catch (err) {
        // A menu in the wrong language is cosmetic: never fail the user's request over it.
        log.warn({ chatId, err: (err as Error).message }, 'could not set the chat command menu');
      }
    },
  };
}
