import { SetMetadata } from '@nestjs/common';

export const acrossDivisionsKey = 'salesos:across-divisions';

/**
 * The route does not act inside one division (the divisions themselves, administration of every division): it names
 * no division, and checks on the request's division do not apply to it.
 */
export const AcrossDivisions = (): ClassDecorator & MethodDecorator => SetMetadata(acrossDivisionsKey, true);
