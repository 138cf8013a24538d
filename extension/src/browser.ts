/**
 * The one door to the browser's extension APIs (over webextension-polyfill, so the same code runs in
 * Chromium and Firefox). Everything else imports these functions, never `chrome` or `browser`.
 */
import browser from 'webextension-polyfill';
import type { Runtime, Tabs } from 'webextension-polyfill';

export type Port = Runtime.Port;
export type MessageSender = Runtime.MessageSender;
export type Tab = Tabs.Tab;

export async function readStorage<T>(key: string): Promise<T | undefined> {
  const items = await browser.storage.local.get(key);
  return items[key] as T | undefined;
}

export async function writeStorage(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

/** Calls `listener` with the new value whenever `key` changes in local storage; returns an unsubscribe. */
export function onStorageChange<T>(key: string, listener: (value: T | undefined) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[key];
    if (area === 'local' && change) listener(change.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function sendTabMessage(tabId: number, message: unknown): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

/** Listens for messages; a listener that returns a promise answers the sender with its value. */
export function onRuntimeMessage(listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): () => void {
  const handle = (message: unknown, sender: MessageSender): Promise<unknown> | undefined => listener(message, sender);
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

export function connectPort(name: string): Port {
  return browser.runtime.connect({ name });
}

export function onPortConnect(listener: (port: Port) => void): void {
  browser.runtime.onConnect.addListener(listener);
}

export function queryTabs(query: Tabs.QueryQueryInfoType): Promise<Tab[]> {
  return browser.tabs.query(query);
}

export async function focusTab(tab: Tab): Promise<void> {
  if (tab.id !== undefined) await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
}

export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

export async function openPopupWindow(path: string): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL(path), type: 'popup', width: 440, height: 640 });
}

/** Opens the toolbar popup where the browser allows it from here; false where it does not. */
export async function tryOpenActionPopup(): Promise<boolean> {
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    return false;
  }
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

export function hasOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/** Must run in a user gesture (a click), or the browser refuses to ask. */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

export function createAlarm(name: string, periodInMinutes: number): void {
  void browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
}

export function clearAlarm(name: string): Promise<boolean> {
  return browser.alarms.clear(name);
}

export function onAlarm(listener: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
}

export async function showNotification(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message });
}

export function onNotificationClick(listener: (id: string) => void): void {
  browser.notifications.onClicked.addListener(listener);
}
