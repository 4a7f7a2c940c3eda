import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

interface Meta {
  functions: Array<{ id: string; name: string; options?: Record<string, boolean>; parameters: Array<{ name: string; type: string; dimensionality?: string; optional?: boolean }>; result: { type?: string; dimensionality?: string } }>;
}

describe('functions.json generated from the JSDoc', () => {
  test('ids, parameters and options', async () => {
    const r = await generateCustomFunctionsMetadata(join(__dirname, '..', '..', 'functions', 'functions.ts'));
    expect(r.errors).toEqual([]);
    const meta = JSON.parse(r.metadataJson) as Meta;
    expect(meta.functions.map((f) => [f.id, f.name, f.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}:${p.type}${p.dimensionality === 'matrix' ? '[][]' : ''}`).join(','), `${f.result.type ?? 'any'}${f.result.dimensionality === 'matrix' ? '[][]' : ''}`])).toEqual([
      // Text, and with detail the amounts as numbers: a matrix of any.
      ['CHECKTOTALS', 'CHECKTOTALS', 'range:any[][],options?:any', 'any[][]'],
      // Amounts as numbers, labels as text: a matrix of any (the metadata leaves the type out).
      ['ROUNDBALANCE', 'ROUNDBALANCE', 'range:any[][],unit?:any,decimals?:any', 'any[][]'],
      ['SUBJECTNAME', 'SUBJECTNAME', 'code:any,year?:any,kind?:any', 'string'],
      ['SUBJECTCODE', 'SUBJECTCODE', 'name:any,year?:any,kind?:any', 'string'],
      ['SUBJECTLEVEL', 'SUBJECTLEVEL', 'code:any', 'string'],
      ['SUBJECTPARENT', 'SUBJECTPARENT', 'code:any', 'string'],
    ]);
    // Synchronous and non-volatile: the same input always gives the same answer, offline.
    for (const f of meta.functions) expect(f.options?.volatile ?? false).toBe(false);
    expect(meta.functions[0].options).toEqual({ requiresParameterAddresses: true });
  });
});
