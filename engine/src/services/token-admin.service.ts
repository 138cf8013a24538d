/** Token administration from the command line: the service's database, opened for one command and closed. */
import { openDatabase } from '../storage/database.js';
import { TokensRepository } from '../storage/tokens.repository.js';
import { TokensService } from './tokens.service.js';

export function openTokenAdmin(dataDir: string): { tokens: TokensService; close(): void } {
  const db = openDatabase(dataDir);
  return { tokens: new TokensService(new TokensRepository(db)), close: () => db.close() };
}
