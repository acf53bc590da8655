import type { MigrationInterface, QueryRunner } from 'typeorm';
import { missingTables } from './missing-tables';
import { channelIndexes, channelTableStatements } from './reporting-tables.migration';

const channelTables = missingTables(channelTableStatements, channelIndexes);

/**
 * The channels' read models (dealers, tier changes, plans), for databases made before they joined the first
 * migration; databases made since have them already. A rebuild fills them from the channels' topics.
 */
export class AddChannelTables1766000000000 implements MigrationInterface {
  name = 'AddChannelTables1766000000000';

  up = (queryRunner: QueryRunner): Promise<void> => channelTables.up(queryRunner);
  down = (queryRunner: QueryRunner): Promise<void> => channelTables.down(queryRunner);
}
