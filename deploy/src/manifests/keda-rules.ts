// KEDA ScaledObjects on Kafka lag: the trigger's metadata is a free-form map in the CRD schema, so its keys
// and values are checked here against the Kafka scaler's documented parameters and against the services'
// own configuration (consumer group names, partition count).
import type { Problem } from '../report/problem.js';
import { at, list, record, stringsOf } from './object-paths.js';
import { kindOf, labelOf, nameOf, type RenderedManifest } from './rendered-manifest.js';

export const kafkaScalerParameters = [
  'bootstrapServers', 'bootstrapServersFromEnv', 'consumerGroup', 'consumerGroupFromEnv', 'topic', 'topicFromEnv',
  'lagThreshold', 'activationLagThreshold', 'offsetResetPolicy', 'allowIdleConsumers', 'excludePersistentLag',
  'scaleToZeroOnInvalidOffset', 'limitToPartitionsWithLag', 'ensureEvenDistributionOfPartitions', 'partitionLimitation',
  'version', 'sasl', 'saslTokenProvider', 'tls', 'unsafeSsl', 'awsRegion', 'awsEndpoint',
];
const booleans = ['allowIdleConsumers', 'excludePersistentLag', 'scaleToZeroOnInvalidOffset', 'limitToPartitionsWithLag', 'ensureEvenDistributionOfPartitions', 'unsafeSsl'];

export function kedaProblems(manifests: readonly RenderedManifest[]): Problem[] {
  const problems: Problem[] = [];
  const config = manifests.find((m) => kindOf(m) === 'ConfigMap' && nameOf(m).startsWith('mindflow-config'));
  const settings = stringsOf(config?.object['data']);
  for (const so of manifests.filter((m) => kindOf(m) === 'ScaledObject')) {
    const report = (field: string, message: string) => problems.push({ file: so.file, object: labelOf(so), field, message });
    const target = String(at(so.object, 'spec.scaleTargetRef.name'));
    const partitions = Number(settings['KAFKA_TOPIC_PARTITIONS']);
    const max = Number(at(so.object, 'spec.maxReplicaCount') ?? 100);
    list(at(so.object, 'spec.triggers')).forEach((trigger, t) => {
      const field = `spec.triggers[${t}]`;
      if (record(trigger)?.['type'] !== 'kafka') return;
      const metadata = stringsOf(record(trigger)?.['metadata']);
      for (const key of Object.keys(record(record(trigger)?.['metadata']) ?? {})) {
        if (!kafkaScalerParameters.includes(key)) report(`${field}.metadata.${key}`, 'not a parameter of the KEDA Kafka scaler');
        else if (typeof record(record(trigger)?.['metadata'])?.[key] !== 'string') report(`${field}.metadata.${key}`, 'must be a string (KEDA metadata values are strings)');
      }
      if (!metadata['bootstrapServers'] && !metadata['bootstrapServersFromEnv']) report(`${field}.metadata.bootstrapServers`, 'missing');
      if (!metadata['consumerGroup'] && !metadata['consumerGroupFromEnv']) report(`${field}.metadata.consumerGroup`, 'missing');
      for (const key of ['lagThreshold', 'activationLagThreshold']) {
        if (metadata[key] !== undefined && !/^\d+$/.test(metadata[key])) report(`${field}.metadata.${key}`, 'must be a whole number (as a string)');
      }
      for (const key of booleans) if (metadata[key] !== undefined && !['true', 'false'].includes(metadata[key])) report(`${field}.metadata.${key}`, 'must be "true" or "false"');
      if (metadata['offsetResetPolicy'] !== undefined && !['earliest', 'latest'].includes(metadata['offsetResetPolicy'])) {
        report(`${field}.metadata.offsetResetPolicy`, 'must be earliest or latest');
      }
      const prefix = settings['KAFKA_TOPIC_PREFIX'];
      if (prefix && metadata['consumerGroup'] && metadata['consumerGroup'] !== `${prefix}.${target}`) {
        report(`${field}.metadata.consumerGroup`, `the ${target} consumes as group "${prefix}.${target}" (KAFKA_TOPIC_PREFIX + role), not "${metadata['consumerGroup']}"`);
      }
    });
    if (partitions > 0 && max > partitions) report('spec.maxReplicaCount', `${max} consumers for ${partitions} partitions per topic (KAFKA_TOPIC_PARTITIONS): the extra ones would idle`);
  }
  return problems;
}
