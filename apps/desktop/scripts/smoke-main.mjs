// Smoke run of the BUILT main process (out/main/index.js) under plain Node, with `electron`
// replaced by scripts/smoke/electron-stub.mjs, against a real Parley server on 127.0.0.1.
// It proves the wiring of index.ts end to end (IPC → REST/socket → tray, badge, notifications),
// not Electron itself: windows, the tray and notifications are only recorded.
//   npm run build -w @parley/desktop && node --import ./scripts/smoke/register-stub.mjs scripts/smoke-main.mjs
import { fork } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { io } from 'socket.io-client';

const desktop = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(desktop, '..', 'server');
const userData = await mkdtemp(join(tmpdir(), 'parley-smoke-user-'));
const serverData = await mkdtemp(join(tmpdir(), 'parley-smoke-server-'));
process.env.SMOKE_USER_DATA = userData;
process.env.SMOKE_APP_PATH = desktop;

// A crash or a hang ends the run as a failure, and takes the servers it started with it.
const servers = new Set();
const abort = (error) => {
  console.log(`FAIL the smoke run stopped: ${error instanceof Error ? error.stack : String(error)}`);
  for (const child of [...servers, ...(globalThis.__electronStub?.children ?? [])]) child.kill('SIGKILL');
  console.log(`\n${checks.filter((c) => c.ok).length}/${checks.length + 1} smoke checks passed`);
  process.exit(1);
};
process.on('uncaughtException', abort);
process.on('unhandledRejection', abort);
setTimeout(() => abort(new Error('it took longer than 5 minutes')), 300_000).unref();

const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ` — ${detail}`}`);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(test, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return true;
    await sleep(50);
  }
  return false;
}

function startServer(port, dataDir = serverData) {
  const child = fork(join(serverDir, 'src', 'main.ts'), [], {
    cwd: serverDir,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMITS: 'off' },
  });
  servers.add(child);
  child.once('exit', () => servers.delete(child));
  return new Promise((resolve, reject) => {
    child.on('message', (message) => message?.type === 'listening' && resolve({ child, port: message.port }));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}
const stopServer = (child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));

async function confirmLatest(url, email, dataDir = serverData) {
  const dir = join(dataDir, 'outbox');
  for (const name of (await readdir(dir)).sort().reverse()) {
    const mail = await simpleParser(await readFile(join(dir, name)));
    if (mail.to?.text.includes(email)) {
      const link = mail.text.match(/https?:\/\/\S+\/register\/[\w-]+/)[0];
      const token = link.split('/register/')[1];
      return fetch(`${url}/register/${token}`, { headers: { accept: 'application/json' } });
    }
  }
  throw new Error(`no mail for ${email}`);
}

let server = await startServer(0);
const url = `http://127.0.0.1:${server.port}`;

await import(join(desktop, 'out', 'main', 'index.js'));
const stub = globalThis.__electronStub;
await until(() => stub.handlers.size > 0 && stub.windows.length > 0);
const page = `file://${join(desktop, 'out', 'renderer', 'index.html')}`;
const call = (channel, ...args) => stub.handlers.get(channel)({ senderFrame: { url: page } }, ...args);
const sentOn = (channel) => stub.sent.filter((s) => s.channel === channel).map((s) => s.payload);

const prefs = stub.windows[0].options.webPreferences;
check('window: contextIsolation, sandbox, no nodeIntegration, webSecurity', prefs.contextIsolation && prefs.sandbox && !prefs.nodeIntegration && prefs.webSecurity);
check('window loads the built page from file', stub.loaded[0]?.endsWith('out/renderer/index.html'));
check('tray icon files exist', stub.tray.images.every((image) => image.exists), JSON.stringify(stub.tray.images));
check('tray menu has Open Parley and Quit', JSON.stringify(stub.tray.menu).includes('Open Parley') && JSON.stringify(stub.tray.menu).includes('Quit'));
check('CSP header installed', stub.headersHandler !== null);
const contents = stub.windows[0].webContents;
const opened = contents.windowOpenHandler({ url: 'https://example.com/docs' });
check('window.open is denied and the link goes to the browser once', opened.action === 'deny' && stub.opened.join() === 'https://example.com/docs', JSON.stringify(stub.opened));
let prevented = 0;
contents.emit('will-navigate', { preventDefault: () => prevented++ }, 'javascript:alert(1)');
contents.emit('will-navigate', { preventDefault: () => prevented++ }, 'https://example.com/elsewhere');
check('in-app navigation is refused; an http link opens outside', prevented === 2 && stub.opened.length === 2, JSON.stringify(stub.opened));
stub.opened.length = 0;
const permission = await new Promise((resolve) => stub.permissionHandlers.request({ getURL: () => '' }, 'media', resolve, { requestingUrl: page }));
const notify = await new Promise((resolve) => stub.permissionHandlers.request({ getURL: () => '' }, 'notifications', resolve, { requestingUrl: page }));
check('permissions: media refused, notifications allowed', permission === false && notify === true);

check('first run: no server', (await call('parley:server:current')).value === null);
check('foreign sender refused', (await stub.handlers.get('parley:server:current')({ senderFrame: { url: 'https://evil.example/' } })).error?.code === 'forbidden');
check('malformed join refused', (await call('parley:server:join', 'javascript:alert(1)')).error?.code === 'invalid_input');
const joined = await call('parley:server:join', `${url}/`);
check('join a running server', joined.ok && joined.value.url === url, JSON.stringify(joined));

const ada = { email: 'ada@example.com', password: 'correct horse battery', first_name: 'Ada', last_name: 'Lovelace' };
const bob = { email: 'bob@example.com', password: 'correct horse battery', first_name: 'Bob', last_name: 'Builder' };
check('register through IPC', (await call('parley:auth:register', ada)).value?.status === 'confirmation_sent');
await call('parley:auth:register', bob);
check('confirmation link (from the outbox mail) creates the account', (await confirmLatest(url, ada.email)).status === 201);
await confirmLatest(url, bob.email);

const login = await call('parley:auth:login', { email: ada.email, password: ada.password });
check('login through IPC returns the user, not the token', login.ok && login.value.first_name === 'Ada' && !JSON.stringify(login).includes('token'));
const stored = await readFile(join(userData, 'session.bin'));
const storedToken = (await import('electron')).safeStorage.decryptString(stored);
check('token stored encrypted, never plain', storedToken.length > 10 && !stored.toString('latin1').includes(storedToken));
check('connection reaches connected', await until(() => sentOn('parley:event:connection-state').some((s) => s.status === 'connected')), JSON.stringify(sentOn('parley:event:connection-state')));

// Bob writes to Ada from another client: Ada's desktop must count it, badge it and notify.
const bobLogin = await (await fetch(`${url}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: bob.email, password: bob.password }) })).json();
const bobSocket = io(url, { auth: { token: bobLogin.token }, transports: ['websocket'] });
await until(() => bobSocket.connected);
const ack = await bobSocket.timeout(5000).emitWithAck('message', { chat_type: 'room', other_user_id: login.value.user_id, message: 'Lunch at noon? '.repeat(12) });
check('bob sends a direct message', ack.ok, JSON.stringify(ack));
check('the message is relayed to the window', await until(() => sentOn('parley:event:server').some((e) => e.event === 'message')));
check('tray tooltip shows the unread count', await until(() => stub.tray.tooltip === 'Parley — 1 unread'), stub.tray.tooltip);
check('badge shows the unread count', stub.badge.at(-1) === 1, JSON.stringify(stub.badge));
check('a system notification titled with the sender', await until(() => stub.notifications.some((n) => n.options.title === 'Bob Builder')));
const body = stub.notifications.at(-1)?.options.body ?? '';
check('notification body cut to 100 code points', [...body].length <= 100 && body.endsWith('…'), body);
stub.notifications.at(-1)?.emit('click');
check('clicking the notification opens the conversation', sentOn('parley:event:open-conversation').some((c) => c.kind === 'room' && c.userId === bobLogin.user.user_id));

// Deep links arrive as macOS's open-url and as a second instance's argv; only this server's open.
const linkHost = new URL(url).host;
const opensBefore = sentOn('parley:event:open-conversation').length;
stub.appEvents.get('open-url')({ preventDefault: () => undefined }, `parley://${linkHost}/room/${ack.message.chat_room_id}`);
check('a room link opens that conversation', await until(() => sentOn('parley:event:open-conversation').length === opensBefore + 1) && sentOn('parley:event:open-conversation').at(-1)?.userId === bobLogin.user.user_id);
stub.appEvents.get('second-instance')({}, ['/opt/Parley/parley', 'parley://elsewhere.example.com/group/1']);
stub.appEvents.get('second-instance')({}, ['/opt/Parley/parley', 'parley://' + linkHost + '/settings']);
await sleep(200);
check('links to another server or of unknown shape are ignored', sentOn('parley:event:open-conversation').length === opensBefore + 1);
check('the parley scheme is registered', stub.protocolClient?.[0] === 'parley', JSON.stringify(stub.protocolClient));

// Do not disturb from the tray: the next message counts but does not notify.
const menuItem = (label) => stub.tray.menu.flatMap((item) => [item, ...(item.submenu ?? [])]).find((item) => item.label === label);
menuItem('For 30 minutes').click();
check('the tray shows the pause', await until(() => stub.tray.tooltip.includes('notifications paused until')) && stub.tray.images.at(-1).path.includes('-paused'), stub.tray.tooltip);
const shownBefore = stub.notifications.length;
const pausedAck = await bobSocket.timeout(5000).emitWithAck('message', { chat_type: 'room', other_user_id: login.value.user_id, message: 'during the pause' });
check('a paused message still counts', await until(() => stub.tray.tooltip.startsWith('Parley — 2 unread')), stub.tray.tooltip);
await sleep(300);
check('a paused message raises no notification', stub.notifications.length === shownBefore);
menuItem('Resume notifications').click();
check('resuming clears the pause', await until(() => !stub.tray.tooltip.includes('paused')), stub.tray.tooltip);

// Zoom shortcuts and the spellcheck menu on the window's page.
contents.emit('before-input-event', { preventDefault: () => undefined }, { type: 'keyDown', key: '=', control: true, meta: true, alt: false });
check('Ctrl/Cmd+= zooms in', stub.zoomLevel === 0.5, String(stub.zoomLevel));
contents.emit('context-menu', {}, { isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['the'], selectionText: '', editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } });
check('a misspelled word gets a context menu', stub.popups === 1);

const read = await call('parley:api:mark-read', { chat_room_id: ack.message.chat_room_id });
check('mark read clears tray and badge', read.ok && stub.tray.tooltip === 'Parley' && stub.badge.at(-1) === 0, JSON.stringify(read));
const botAck = await call('parley:chat:send', { chat_type: 'bot', message: 'hello bot' });
check('chat.send to the bot is acknowledged', botAck.ok, JSON.stringify(botAck));
check('bad chat payload refused', (await call('parley:chat:send', { chat_type: 'room', other_user_id: 'x', message: '' })).error?.code === 'invalid_input');
check('openExternal refuses file:', (await call('parley:ui:open-external', 'file:///etc/passwd')).ok === false && stub.opened.length === 0);

// Server restart: the connection retries with backoff and asks the window to resync.
const rooms = await call('parley:api:chat-rooms');
const lastId = pausedAck.message.id;
await stopServer(server.child);
check('connection notices the loss', await until(() => sentOn('parley:event:connection-state').some((s) => s.status === 'reconnecting')));
server = await startServer(Number(new URL(url).port));
check('reconnects after the server returns', await until(() => sentOn('parley:event:connection-state').at(-1)?.status === 'connected', 40000));
check('resync signalled after the reconnect', sentOn('parley:event:resync').length === 1);
// A server-side disconnect is final for a plain socket.io client: the other client reconnects by hand.
bobSocket.connect();
check('the other client is back too', await until(() => bobSocket.connected, 15000));
const missed = await bobSocket.timeout(5000).emitWithAck('message', { chat_type: 'room', other_user_id: login.value.user_id, message: 'missed one' }).catch((error) => ({ ok: false, error: String(error) }));
check('a message is sent while the window shows old history', missed.ok, JSON.stringify(missed));
const caughtUp = await call('parley:api:chat-room', rooms.value.chat_rooms[0].chat_room_id, { after: lastId });
check('catch-up with after= returns exactly what was missed', caughtUp.ok && caughtUp.value.messages.map((m) => m.message).join() === 'missed one', JSON.stringify(caughtUp).slice(0, 300));
bobSocket.close();

// Several servers: a second one is added from the window; Ada stays signed in to the first behind it.
const serverData2 = await mkdtemp(join(tmpdir(), 'parley-smoke-server-'));
const second = await startServer(0, serverData2);
const url2 = `http://127.0.0.1:${second.port}`;
let reloads = 0;
contents.reload = () => reloads++;
const added = await call('parley:servers:add', url2);
check(
  'a second server is added and comes on screen, the window reloaded',
  added.ok && JSON.stringify(added.value.map((s) => [s.url, s.active])) === JSON.stringify([[url, false], [url2, true]]) && reloads === 1,
  JSON.stringify(added),
);
check('the window is on the new server, not signed in there yet', (await call('parley:server:current')).value?.url === url2 && (await call('parley:auth:session')).value === null);
const mia = { ...ada, email: 'mia@example.com', first_name: 'Mia' };
await call('parley:auth:register', mia);
await confirmLatest(url2, mia.email, serverData2);
check('signed in to the second server', (await call('parley:auth:login', { email: mia.email, password: mia.password })).ok);
const bobBehind = io(url, { auth: { token: bobLogin.token }, transports: ['websocket'] });
await until(() => bobBehind.connected);
const shownBeforeBehind = stub.notifications.length;
const behindAck = await bobBehind.timeout(5000).emitWithAck('message', { chat_type: 'room', other_user_id: login.value.user_id, message: 'while you look elsewhere' });
bobBehind.close();
const firstLabel = new URL(url).host;
check(
  'a message on the server behind the window notifies, naming that server',
  behindAck.ok && (await until(() => stub.notifications.slice(shownBeforeBehind).some((n) => n.options.title === `Bob Builder · ${firstLabel}`))),
  JSON.stringify(stub.notifications.slice(shownBeforeBehind).map((n) => n.options.title)),
);
const listed = () => sentOn('parley:event:servers-changed').at(-1) ?? [];
check('the switcher is told the unread count of the server behind', await until(() => (listed().find((s) => s.url === url)?.unread ?? 0) >= 1), JSON.stringify(listed()));
const sum = listed().reduce((total, s) => total + s.unread, 0);
check('the tray and badge sum both servers', stub.tray.tooltip === `Parley — ${sum} unread` && stub.badge.at(-1) === sum, `${stub.tray.tooltip} / ${JSON.stringify(listed())}`);
stub.notifications.at(-1)?.emit('click');
check('clicking it brings that server forward', await until(() => reloads === 2) && (await call('parley:server:current')).value?.url === url);
const opening = await call('parley:servers:opening');
check('the reloaded window is handed the conversation to open, once', opening.value?.kind === 'room' && opening.value.userId === bobLogin.user.user_id && (await call('parley:servers:opening')).value === null, JSON.stringify(opening));
check('still signed in there, nobody signed out by the switch', (await call('parley:auth:session')).value?.email === ada.email);
check('the second server stays signed in behind', await until(() => listed().find((s) => s.url === url2)?.connection === 'connected'), JSON.stringify(listed()));
const removed = await call('parley:servers:remove', url2);
check('removing the second server signs out of it and takes it off the list', removed.ok && removed.value.map((s) => s.url).join() === url, JSON.stringify(removed));
check('a switch to a server not on the list is refused', (await call('parley:servers:switch-to', url2, null)).error?.code === 'not_found');
await stopServer(second.child);
await rm(serverData2, { recursive: true, force: true });

const out = await call('parley:auth:logout');
check('logout', out.ok && sentOn('parley:event:connection-state').at(-1)?.status === 'signed_out');
await stopServer(server.child);

// Host on this computer: the server runs as a child, answers /health, lists its share URLs.
const hosted = await call('parley:server:host');
check('host starts a local server', hosted.ok && hosted.value.mode === 'host', JSON.stringify(hosted));
if (hosted.ok) {
  check('the hosted server answers /health', (await fetch(`${hosted.value.url}/health`)).ok);
  await call('parley:auth:register', { ...ada, email: 'carol@example.com', first_name: 'Carol' });
  const outbox = await call('parley:server:outbox');
  check('outbox lists the confirmation link', outbox.ok && outbox.value[0]?.link.includes('/register/'), JSON.stringify(outbox));
  stub.appEvents.get('before-quit')({ preventDefault: () => undefined });
  check('quitting stops the hosted server', await until(() => stub.children.every((c) => c.exitCode !== null || c.signalCode !== null), 8000));
}

await rm(userData, { recursive: true, force: true });
await rm(serverData, { recursive: true, force: true });
const failed = checks.filter((c) => !c.ok).length;
console.log(`\n${checks.length - failed}/${checks.length} smoke checks passed`);
process.exit(failed === 0 ? 0 : 1);
