import { describe, expect, it } from 'vitest';
import { capacityToolUrl, consensusToolUrl, decisionsToolUrl, failureToolUrl, latencyToolUrl, TOOL_ROUTES, toolUrl } from '../src/links.ts';

describe('links to pre-filled tools', () => {
  it('writes each input under its parameter name, lists with commas', () => {
    expect(latencyToolUrl({ places: ['new-york', 'london'], stretch: 1.5 })).toBe('/tools/latency-calculator/?places=new-york,london&stretch=1.5');
    expect(capacityToolUrl({ rate: 0.2, serviceTime: 240, servers: 55, targetWait: 20 })).toBe('/tools/capacity-planner/?rate=0.2&service=240&servers=55&target=20');
    expect(capacityToolUrl({ usl: [[1, 64.9], [18, 995.9]] })).toBe('/tools/capacity-planner/?usl=1:64.9,18:995.9');
    expect(failureToolUrl({ series: [0.999, 0.9995], slo: 0.999, windowDays: 30 })).toBe('/tools/failure-analyzer/?series=0.999,0.9995&slo=0.999&window=30');
    expect(consensusToolUrl({ faults: 'crash', nodes: 5 })).toBe('/tools/consensus-chooser/?faults=crash&nodes=5');
    expect(decisionsToolUrl('shard-key')).toBe('/tools/quick-decisions/?tree=shard-key');
  });

  it('leaves out what is not given and escapes what must be escaped', () => {
    expect(toolUrl('cost', {})).toBe(TOOL_ROUTES.cost);
    expect(toolUrl('latency', { places: ['São Paulo', 'a&b'] })).toBe('/tools/latency-calculator/?places=S%C3%A3o+Paulo,a%26b');
  });

  it('round-trips through URLSearchParams', () => {
    const url = new URL(latencyToolUrl({ places: ['tokyo', 'us-east-1'], payloadBytes: 1_048_576, bandwidthMbps: 100 }), 'http://x');
    expect(url.searchParams.get('places')?.split(',')).toEqual(['tokyo', 'us-east-1']);
    expect(Number(url.searchParams.get('payload'))).toBe(1_048_576);
  });
});
