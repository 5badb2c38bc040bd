import { formatJsonSchema, jsonSchemaFor, type SchemaKind } from '../../format/json-schema.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CliIO } from '../io.js';

/** `senaudit schema [rule|config]`: the JSON Schema editors validate rule or config files with. */
export function schemaCommand(kind: SchemaKind, io: CliIO): number {
  io.stdout(formatJsonSchema(jsonSchemaFor(kind)));
  return EXIT_OK;
}
