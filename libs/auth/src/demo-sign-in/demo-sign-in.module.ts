import { type DynamicModule, Module } from '@nestjs/common';
import { DemoSignIn } from './demo-sign-in';
import { DemoSignInController } from './demo-sign-in.controller';

/** Mounts the demo sign-in on an application of the embedded mode; production applications leave it out. */
@Module({})
export class DemoSignInModule {
  static forRoot(signIn: DemoSignIn): DynamicModule {
    return {
      module: DemoSignInModule,
      controllers: [DemoSignInController],
      providers: [{ provide: DemoSignIn, useValue: signIn }],
    };
  }
}
