import { BadRequestException } from '@nestjs/common';
import 'reflect-metadata';

import { IdParams, PageQuery } from './common.dto';
import { ValidatedInputCache } from './validated-input-cache';
import { createValidationPipe } from './validation';

const id = '6f1c9a52-3a0e-4a55-9c43-3f0a3c8f1a11';

describe('the validation pipe with route parameters and queries it has seen before', () => {
  it('answers each request its own DTO, which no other request’s change reaches', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ limit: '10' }, { type: 'query', metatype: PageQuery })) as PageQuery;
    first.limit = 99;
    first.cursor = 'changed';
    const second = (await pipe.transform({ limit: '10' }, { type: 'query', metatype: PageQuery })) as PageQuery;
    expect(second).toBeInstanceOf(PageQuery);
    expect({ ...second }).toEqual({ limit: 10 });
    second.limit = 98;
    const third = (await pipe.transform({ limit: '10' }, { type: 'query', metatype: PageQuery })) as PageQuery;
    expect(third).toBeInstanceOf(PageQuery);
    expect({ ...third }).toEqual({ limit: 10 });
  });

  it('still refuses an input that differs from one it passed, naming the field', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({ id }, { type: 'param', metatype: IdParams });
    const refusal = await pipe
      .transform({ id: `${id}x` }, { type: 'param', metatype: IdParams })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BadRequestException);
    expect((refusal as BadRequestException).getResponse()).toMatchObject({
      errors: [{ field: 'id', message: 'id must be a UUID' }],
    });
  });

  it('refuses an unknown query field every time, not only the first', async () => {
    const pipe = createValidationPipe();
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(
        pipe.transform({ limit: '10', admin: 'true' }, { type: 'query', metatype: PageQuery }),
      ).rejects.toBeInstanceOf(BadRequestException);
    }
  });

  it('keeps each DTO apart: the same input validated as another DTO is validated by that DTO', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({ id }, { type: 'param', metatype: IdParams });
    await expect(pipe.transform({ id }, { type: 'query', metatype: PageQuery })).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });

  it('keeps only short inputs: a long one is validated again each time', async () => {
    const pipe = createValidationPipe();
    const longCursor = { cursor: 'c'.repeat(600) };
    const first = (await pipe.transform(longCursor, { type: 'query', metatype: PageQuery })) as PageQuery;
    const second = (await pipe.transform(longCursor, { type: 'query', metatype: PageQuery })) as PageQuery;
    expect({ ...second }).toEqual({ ...first });
    expect(new ValidatedInputCache().keyOf(longCursor)).toBeNull();
    expect(new ValidatedInputCache().keyOf({ id })).toBe(JSON.stringify({ id }));
  });
});
