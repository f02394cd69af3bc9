import type { HandlerKind } from '../../cases/types.js';
import { waitingGroups } from '../../cases/waitingOutbox.js';
import { overrideSchema, saveDirectoryOverride } from '../directoryOverrides.js';
import { htmlResponse, redirect } from '../http.js';
import { HttpError, requireOffice, requireSupervisor, type RouteEnv, type Routes } from '../request.js';
import { tr } from '../views/common.js';
import { directoryPage } from '../views/directory.js';

/* Departments and organizations with their load; supervisors edit capacity, members and contact. */

export function directoryRoutes(r: Routes, { deps }: RouteEnv): void {
  const { cases, directory, clock, logger } = deps;

  r.get('/directory', async (c) => {
    const s = requireOffice(c);
    const saved = c.req.query.get('saved');
    const [kind, id] = (saved ?? '').split(':');
    const h = kind && id ? directory.handler(kind as HandlerKind, id) : undefined;
    return htmlResponse(
      200,
      directoryPage(c.view, {
        load: await cases.handlerLoad(),
        canEdit: s.user.role === 'supervisor',
        ok: h ? tr(c.view, 'console.dir.saved', { name: h.names[c.lang] }) : null,
        waiting: await waitingGroups(deps.pool),
      }),
    );
  });

  r.post('/directory/:kind/:id', async (c) => {
    const { req } = c;
    const s = requireSupervisor(c);
    const kind = req.params.kind as HandlerKind;
    const id = req.params.id!;
    if ((kind !== 'department' && kind !== 'organization') || !directory.handler(kind, id)) throw new HttpError(404, 'console.error.not_found');
    const parsed = overrideSchema.safeParse({
      capacity: req.form.get('capacity') ?? '',
      memberIds: req.form.get('memberIds') ?? '',
      contact: req.form.get('contact') ?? '',
      telegramChatId: req.form.get('telegramChatId') ?? undefined,
    });
    const chat = parsed.success ? parsed.data.telegramChatId : null;
    const chatTaken = chat !== null && (chat === cases.officeChatId || (directory.handlerForChat(chat) ?? directory.handler(kind, id)) !== directory.handler(kind, id));
    if (!parsed.success || chatTaken) {
      const detail = parsed.success ? tr(c.view, 'safety.dir.chat_invalid') : parsed.error.issues.map((i) => i.message).join('; ');
      return htmlResponse(
        422,
        directoryPage(c.view, {
          load: await cases.handlerLoad(),
          canEdit: true,
          error: tr(c.view, 'console.error.validation', { detail }),
          errorFor: `${kind}-${id}`,
          waiting: await waitingGroups(deps.pool),
        }),
      );
    }
    const saved = await saveDirectoryOverride(deps.pool, directory, kind, id, parsed.data, s.user.username, clock.now());
    logger.info({ user: s.user.username, kind, id, released: saved?.released.length ?? 0 }, 'directory entry edited');
    return redirect(`/directory?saved=${kind}:${id}#row-${kind}-${id}`);
  });
}
